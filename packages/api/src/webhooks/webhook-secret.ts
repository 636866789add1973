import { randomBytes } from 'node:crypto';

/**
 * A subscription's signing secret as Standard Webhooks writes it: `whsec_` and 32 random bytes in
 * base64. The receiver verifies signatures with it; it is shown once, when the subscription is made.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
