/** The reply to someone who asks for a person or for the bureau's contacts (人工, 电话, 地址, 在哪办公). */
import { contactLines, type Contacts } from './compose.js';
import type { Reply } from './reply.js';

/** A `contact` reply built from the bureau's settings: phone, address, hours, the 留言 route and the hotlines. */
export function contactReply(c: Contacts): Reply {
  const intro =
    c.phone || c.address
      ? `${c.bureauName}的联系方式如下，工作时间可以直接来电或前来咨询：`
      : c.leaveMessage
        ? `需要找工作人员？您可以给${c.bureauName}留言，工作人员会按您留下的联系方式回复：`
        : `需要找工作人员？可以通过下面的方式联系：`;
  const text = [intro, ...contactLines(c)].join('\n');
  return {
    status: 'contact',
    text,
    alternatives: [],
    contact: { bureauName: c.bureauName, phone: c.phone, address: c.address ?? '', hours: c.hours, ...(c.mapUrl ? { mapUrl: c.mapUrl } : {}) },
  };
}
