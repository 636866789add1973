import type { BridgeOperation, BridgeResponse } from '../shared/bridge.ts';

/** An open promise that is at risk, as the notifier needs it. */
export interface AtRiskPromise {
  id: string;
  title: string;
  dueDeadline: string;
}

/** A desktop notification; clicking it opens the promise (or Today, for a summary). */
export interface AtRiskNotification {
  title: string;
  body: string;
  promiseId: string | null;
}

/** The at-risk promises already known (and told about), kept between polls and starts. */
export interface KnownAtRiskStore {
  read(): ReadonlySet<string>;
  write(ids: ReadonlySet<string>): void;
}

/** Above this many at once, one summary notification instead of a flood. */
export const maxSeparateNotifications = 3;

/**
 * Tells the account manager, once, about each promise that newly turned at risk: every poll
 * compares the at-risk list with the ones already known. A promise that recovers and slips again
 * is new again. Several at once become one calm summary.
 */
export function createAtRiskNotifier(options: {
  listAtRisk: () => Promise<readonly AtRiskPromise[]>;
  notify: (notification: AtRiskNotification) => void;
  known: KnownAtRiskStore;
  formatDue: (instant: string) => string;
}): { poll(): Promise<AtRiskNotification[]> } {
  return {
    async poll() {
      const atRisk = await options.listAtRisk();
      const known = options.known.read();
      const fresh = atRisk.filter((promise) => !known.has(promise.id));
      const notifications: AtRiskNotification[] =
        fresh.length > maxSeparateNotifications
          ? [
              {
                title: `${fresh.length} promises newly at risk`,
                body: 'Open Today to see them and tell the customers early.',
                promiseId: null,
              },
            ]
          : fresh.map((promise) => ({
              title: 'A promise is at risk',
              body: `${promise.title} — due ${options.formatDue(promise.dueDeadline)}`,
              promiseId: promise.id,
            }));
      for (const notification of notifications) options.notify(notification);
      options.known.write(new Set(atRisk.map((promise) => promise.id)));
      return notifications;
    },
  };
}

/**
 * The at-risk list read through the same handler the renderer uses (so it works in either mode);
 * while the API cannot answer (no mode yet, logged out, server away) there is nothing to tell.
 */
export function atRiskListThrough(
  handle: (operation: BridgeOperation) => Promise<BridgeResponse>,
): () => Promise<AtRiskPromise[]> {
  return async () => {
    const response = await handle({
      id: 0,
      type: 'query',
      path: 'promise.list',
      input: { view: 'at_risk', limit: 500 },
    });
    if ('error' in response) return [];
    const page = response.result.data as { items: AtRiskPromise[] };
    return page.items.map(({ id, title, dueDeadline }) => ({ id, title, dueDeadline }));
  };
}
