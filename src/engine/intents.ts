/**
 * Recognising what a question is before searching: small talk (greetings, thanks, "what can you do"),
 * requests for a judgement on the asker's own case, and a bare number picking a clarify option.
 */

/** Kinds of small talk. */
export type SmalltalkKind = 'greeting' | 'thanks' | 'capabilities' | 'bye';

const SMALLTALK: [SmalltalkKind, RegExp][] = [
  ['thanks', /^(谢谢|多谢|感谢|谢了|thanks?|thank you|辛苦了?|好的谢谢|好的|明白了|知道了|收到)[!！。.~～]*$/],
  ['bye', /^(再见|拜拜|bye|回头见)[!！。.~～]*$/],
  [
    'capabilities',
    /^(你(能|可以|会)(做|干|回答|问)(些)?(什么|啥)|你是(谁|什么|啥)|(怎么|如何)(用|使用)|能问(些)?(什么|啥)|有什么功能|帮助|help|菜单|功能)[?？!！。]*$/,
  ],
  ['greeting', /^(你好|您好|hi|hello|hey|嗨|哈喽|在吗|在不在|有人吗|早上好|上午好|下午好|晚上好|老师好|喂)[啊呀!！。,，~～?？]*$/],
];

/** The small-talk kind of a folded question, if it is nothing but small talk. */
export function smalltalkKind(folded: string): SmalltalkKind | undefined {
  const text = folded.replace(/\s+/g, '');
  for (const [kind, re] of SMALLTALK) if (re.test(text)) return kind;
  return undefined;
}

const OWN_CASE =
  /(合理吗|合法吗|对不对|对吗|公平吗|冤枉|不公平|该不该罚|应不应该罚|罚得(太|过)?重|罚多了|罚得对|罚得有道理|是不是罚错|处罚对吗|罚得合理|有没有道理)/;
const FIRST_PERSON = /(我|我们|本厂|本公司|我厂|我司|咱们|被罚)/;

/** The question without its request for a judgement (合理吗, 对不对 ...), for searching the rule itself. */
export function withoutJudgement(text: string): string {
  return text.replace(new RegExp(OWN_CASE.source, 'g'), ' ');
}

/** True when the question asks for a judgement on the asker's own case (我们被罚得合理吗). */
export function asksOwnCaseJudgement(folded: string): boolean {
  return OWN_CASE.test(folded) && FIRST_PERSON.test(folded);
}

/** The 1-based choice when the question is a bare option number (1, 2, 第2个 ...). */
export function choiceNumber(folded: string): number | undefined {
  const m = /^(?:第)?([1-9]|[一二三四五六七八九])(?:个|条|项)?[.。!！]?$/.exec(folded.replace(/\s+/g, ''));
  if (!m) return undefined;
  const d = '一二三四五六七八九'.indexOf(m[1]);
  return d >= 0 ? d + 1 : Number(m[1]);
}

const WANTS_CASE = /(案例|例子|案子|实例|典型|以案释法|举个例|举例)/;

/** True when the question asks for an example case (以案释法) rather than the rule. */
export function wantsCase(folded: string): boolean {
  return WANTS_CASE.test(folded);
}

const ABOUT_BUREAU = /(你们|贵局|本局|局里|你局|区局|魏都|去年|今年|前年|20\d\d年|工作报告|法治政府)/;

/** True when the question is about the bureau itself (its figures, work and plans). */
export function asksAboutBureau(folded: string): boolean {
  return ABOUT_BUREAU.test(folded);
}

const PERSON = /(转人工|人工客服|人工服务|人工坐席|找人工|要人工|真人|在线客服|客服|联系工作人员|找工作人员|工作人员电话|找个人|留言)/;
const BUREAU_CONTACT = new RegExp(
  [
    '(你们|贵局|本局|局里|环保局|生态环境局|环境局|分局)[^，。？?！!]{0,6}(电话|号码|地址|在哪|在什么地方|位置|办公|上班|几点|怎么走|怎么去)',
    '(怎么|如何|咋)联系(你们|工作人员|环保局|生态环境局)?',
    '联系方式',
    '办公(地址|地点|时间)',
    '上班时间',
    '在哪(里|儿)?办公',
    '咨询电话',
  ].join('|'),
);
const REPORTING = /(举报|投诉|12369|12345)/;
/** A bare word asking for a person or the bureau's contacts (人工, 电话, 地址 ...), nothing else. */
const BARE_CONTACT =
  /^(请|我要|我想)?(转)?(人工|客服|人工客服|真人|工作人员|电话|联系电话|咨询电话|办公电话|电话号码|地址|办公地址|联系方式|联系地址|上班时间|办公时间)[?？。!！]*$/;

/**
 * True when the question asks for a person or the bureau's own contacts (人工, 客服, 你们局在哪办公, 怎么联系
 * 你们), not for a rule. A question about a hotline for reports (投诉电话是多少) stays a knowledge question.
 */
export function asksForPerson(folded: string): boolean {
  const text = folded.replace(/\s+/g, '');
  if ([...text].length > 40) return false;
  if (BARE_CONTACT.test(text) || PERSON.test(text)) return true;
  return BUREAU_CONTACT.test(text) && !REPORTING.test(text);
}
