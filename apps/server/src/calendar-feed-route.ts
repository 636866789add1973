import { calendarFeedFor } from '@steadfast/api';
import type { Db } from '@steadfast/db';
import type { Instant } from '@steadfast/domain';
import type { FastifyPluginAsync } from 'fastify';
import { renderCalendarFeed } from './calendar-feed-ics.ts';

/**
 * `GET /ical/<secret>.ics`: a person's calendar feed, for calendar apps that cannot log in. The
 * secret in the URL is the only credential; an unknown, revoked or malformed one is a bare 404
 * that says nothing about why.
 */
export const calendarFeedRoute: FastifyPluginAsync<{ db: Db; now: () => Instant }> = async (
  server,
  options,
) => {
  server.get<{ Params: { file: string } }>('/ical/:file', async (request, reply) => {
    const now = options.now();
    const content = await calendarFeedFor({ db: options.db, file: request.params.file, now });
    // The URL is a secret: keep it out of Referer headers and search engines either way.
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    if (content === null) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('Not found');
    }
    return reply
      .header('cache-control', 'private, no-cache')
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="steadfast.ics"')
      .send(renderCalendarFeed(content, now));
  });
};
