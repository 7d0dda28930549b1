import { describe, expect, it } from 'vitest';
import { formatReply } from '../../src/bot/format-reply.js';
import type { Reply } from '../../src/engine/reply.js';

const reply: Reply = {
  status: 'answered',
  text: '答复。\n\n法律依据：\n· 《中华人民共和国生态环境法典》第一千一百零二条、第一千零五十七条\n· 《排污许可管理条例》第十四条\n\n以上为普法宣传信息，不构成法律意见；具体事项以主管部门的正式答复和现行规定为准。',
  entry: {
    id: 'x',
    title: '无证排污怎么罚',
    topic: 'permit',
    basis: [
      { source: 'eco-code', name: '中华人民共和国生态环境法典', article: '第一千一百零二条', validity: '现行有效', number: 1102 },
      { source: 'eco-code', name: '中华人民共和国生态环境法典', article: '第一千零五十七条', validity: '现行有效', number: 1057 },
      { source: 'permit-regulation', name: '排污许可管理条例', article: '第十四条', validity: '现行有效' },
    ],
    checked: { by: '开发组', at: '2026-12-01' },
  },
  alternatives: [],
};

describe('formatReply links and labels', () => {
  it('links each Code article to the law page when PUBLIC_URL is set', () => {
    const html = formatReply(reply, { publicUrl: 'https://pufa.example.cn/' });
    expect(html).toContain(
      '<a href="https://pufa.example.cn/law/eco-code#a1102">第一千一百零二条</a>、<a href="https://pufa.example.cn/law/eco-code#a1057">第一千零五十七条</a>',
    );
    expect(html).toContain('《排污许可管理条例》第十四条');
    expect(html).not.toContain('#a14');
  });

  it('has no links without PUBLIC_URL', () => {
    expect(formatReply(reply)).not.toContain('<a ');
  });

  it('labels a checked entry honestly, and names the reviewer only for a recorded 法制审核', () => {
    expect(formatReply(reply)).toContain('<i>已对照法典原文核对，待局法制审核</i>');
    const reviewed = formatReply({ ...reply, entry: { ...reply.entry!, reviewed: { by: '张三', at: '2026-12-02' } } });
    expect(reviewed).toContain('法制审核：张三（2026-12-02）');
    expect(reviewed).not.toContain('待局法制审核');
  });
});
