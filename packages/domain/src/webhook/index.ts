// Webhooks: what integrations are told, to whom, and how delivery is retried.
export * from './charter-webhook-events.ts';
export * from './promise-webhook-events.ts';
export * from './webhook-delivery.ts';
export * from './webhook-event.ts';
export * from './webhook-retry.ts';
export * from './webhook-subscription.ts';
