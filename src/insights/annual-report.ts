/**
 * The annual 法治政府建设 report's 普法 section, as Markdown plus CSV tables: events held, people reached,
 * questions answered, top topics, satisfaction, quiz participation, and knowledge entries added, revised
 * and reviewed (from the audit trail).
 */
import { TOPICS, type Topic } from '../knowledge/schema.js';
import type { Db } from '../store/database.js';
import { computeStats, periodBounds, type GroupFigures, type Stats } from './stats.js';

/** An event as the report lists it. */
export interface ReportEvent {
  code: string;
  name: string;
  date: string;
  place: string;
}

/** Knowledge work in the period, from the audit trail. */
export interface KnowledgeWork {
  added: number;
  revised: number;
  approved: number;
  retired: number;
}

/** The report's files: name → content. */
export type ReportFiles = Record<string, string>;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Counts audit actions in the period. */
export function knowledgeWork(db: Db, from: string, to: string): KnowledgeWork {
  const p = periodBounds(from, to);
  const rows = db.prepare('SELECT action, COUNT(*) AS n FROM audit WHERE at >= @start AND at < @end GROUP BY action').all(p) as { action: string; n: number }[];
  const n = (a: string) => rows.find((r) => r.action === a)?.n ?? 0;
  return { added: n('create') + n('import'), revised: n('update'), approved: n('approve'), retired: n('retire') };
}

function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const groupCsv = (label: string, rows: GroupFigures[], name: (k: string) => string = (k) => k) =>
  csv(
    [label, '提问数', '已解答', '提问人数'],
    rows.map((r) => [name(r.key), r.questions, r.answered, r.askers]),
  );

/** Builds the Markdown report and its CSV tables for [from, to] (dates, inclusive). */
export function buildAnnualReport(db: Db, from: string, to: string, events: readonly ReportEvent[], bureauName: string): { stats: Stats; files: ReportFiles } {
  const s = computeStats(db, from, to);
  const work = knowledgeWork(db, from, to);
  const held = events.filter((e) => e.date && e.date >= from && e.date <= to).sort((a, b) => a.date.localeCompare(b.date));
  const reach = new Map(s.byEvent.map((e) => [e.key, e]));
  const topicName = (k: string) => TOPICS[k as Topic] ?? k;
  const top =
    s.byTopic
      .slice(0, 5)
      .map((t) => `${topicName(t.key)}（${t.questions}个）`)
      .join('、') || '暂无';
  const quizTotal = s.quiz.reduce((n, q) => n + q.participants, 0);
  const md = [
    `# ${bureauName}普法工作数据（${from} 至 ${to}）`,
    '',
    '> 由环保普法助手的咨询记录自动统计（`npm run report`）。提问人数按匿名标识去重计算。',
    '',
    '## 履行“谁执法谁普法”责任',
    '',
    `- 开展普法宣传活动 ${held.length} 次${held.length ? '：' : '。'}`,
    ...held.map((e) => {
      const r = reach.get(e.code);
      return `  - ${e.date} ${e.name}（${e.place || '地点未填'}）：通过二维码触达 ${r?.askers ?? 0} 人，提问 ${r?.questions ?? 0} 个`;
    }),
    `- 普法助手共收到咨询 ${s.questions} 个，解答 ${s.answered} 个（解答率 ${pct(s.answeredRate)}），服务 ${s.uniqueAskers} 人；暂未能解答 ${s.unanswered} 个，已转为知识库补充清单。`,
    `- 群众满意度（“有帮助”占全部评价的比例）：${pct(s.helpfulRate)}（共 ${s.helpful + s.unhelpful} 次评价）。`,
    `- 咨询最多的主题：${top}。`,
    `- 普法知识竞答参与 ${quizTotal} 人次${s.quiz.length ? `，${s.quiz.map((q) => `${q.event || '日常'}平均 ${q.averageScore.toFixed(1)}/${q.averageTotal.toFixed(0)} 分`).join('，')}` : ''}。`,
    `- 知识库建设：新增条目 ${work.added} 个，修订 ${work.revised} 次，经法制审核发布 ${work.approved} 次，停用 ${work.retired} 个。`,
    '',
    '## 附表',
    '',
    '- `summary.csv`：总体数据；`by-topic.csv`、`by-channel.csv`、`by-event.csv`、`by-week.csv`：分类数据；`events.csv`：活动清单。',
    '',
  ].join('\n');
  const files: ReportFiles = {
    'report.md': md,
    'summary.csv': csv(
      ['指标', '数值'],
      [
        ['咨询总数', s.questions],
        ['已解答', s.answered],
        ['解答率', pct(s.answeredRate)],
        ['未能解答', s.unanswered],
        ['需澄清', s.clarify],
        ['服务人数', s.uniqueAskers],
        ['有帮助评价', s.helpful],
        ['无帮助评价', s.unhelpful],
        ['满意度', pct(s.helpfulRate)],
        ['普法活动次数', held.length],
        ['竞答参与人次', quizTotal],
        ['新增条目', work.added],
        ['修订次数', work.revised],
        ['审核发布次数', work.approved],
      ],
    ),
    'by-topic.csv': groupCsv('主题', s.byTopic, topicName),
    'by-channel.csv': groupCsv('渠道', s.byChannel),
    'by-event.csv': groupCsv('活动代码', s.byEvent),
    'by-week.csv': groupCsv('周（周一）', s.byWeek),
    'events.csv': csv(
      ['日期', '活动', '地点', '代码', '触达人数', '提问数'],
      held.map((e) => [e.date, e.name, e.place, e.code, reach.get(e.code)?.askers ?? 0, reach.get(e.code)?.questions ?? 0]),
    ),
  };
  return { stats: s, files };
}
