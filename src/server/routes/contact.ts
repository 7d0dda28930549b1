/** GET /api/contact: the bureau's contacts from the settings, for the web chat's 「联系我们」. */
import type { FastifyInstance } from 'fastify';
import type { Contacts } from '../../engine/compose.js';

/** The contact route; `messages` says whether the 留言 form is served. */
export async function contactRoutes(app: FastifyInstance, opts: { contacts: () => Contacts; messages: boolean }): Promise<void> {
  app.get('/api/contact', async () => {
    const c = opts.contacts();
    return {
      bureauName: c.bureauName,
      phone: c.phone,
      address: c.address ?? '',
      hours: c.hours,
      ...(c.mapUrl ? { mapUrl: c.mapUrl } : {}),
      hotlines: [
        { number: '12369', label: '环保举报热线' },
        { number: '12345', label: '政务服务便民热线' },
      ],
      messages: opts.messages,
    };
  });
}
