import { listActiveWebhookSubscriptions, listReviewsComingDue } from '@steadfast/db';
import { charterReviewDueEvent, charterReviewDueKey, instantMs } from '@steadfast/domain';
import { messageIdForKey, type OutboxContext, writeToOutbox } from './webhook-outbox.ts';

/** How far back a review that came due is still announced (say, after the servers were down). */
const lookBackMs = 30 * 86_400_000;

/**
 * Announces charter reviews that have come due: one `charter.review_due` event per charter and
 * review date, its message id fixed by both, so however often and on however many instances this
 * runs, each subscription gets it once. A subscription made after a review came due is not told
 * of it (it was not listening then). Returns how many deliveries were new.
 */
export async function scheduleCharterReviewsDue(context: OutboxContext): Promise<number> {
  const now = context.now();
  const listening = (await listActiveWebhookSubscriptions(context.db)).filter((subscription) =>
    subscription.eventTypes.includes('charter.review_due'),
  );
  if (listening.length === 0) return 0;
  const earliest = Math.max(
    Math.min(...listening.map((subscription) => instantMs(subscription.createdAt))),
    instantMs(now) - lookBackMs,
  );
  const reviews = await listReviewsComingDue(context.db, {
    from: new Date(earliest).toISOString(),
    to: now,
    limit: 1000,
  });
  return writeToOutbox(
    context,
    reviews.map((review) => ({
      event: charterReviewDueEvent(review),
      messageId: messageIdForKey(charterReviewDueKey(review)),
      eligible: (subscription) =>
        instantMs(subscription.createdAt) <= instantMs(review.nextReviewAt),
    })),
  );
}
