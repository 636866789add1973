import { describe, expect, it } from 'vitest';
import { connectionIn, tempDataDir } from './__tests__/temp-data-dir.ts';
import {
  type AtRiskNotification,
  type AtRiskPromise,
  atRiskListThrough,
  createAtRiskNotifier,
  type KnownAtRiskStore,
} from './at-risk-notifier.ts';
import { createIpcHandler } from './ipc-handler.ts';

function setup(initiallyKnown: string[] = []) {
  let atRisk: AtRiskPromise[] = [];
  let known: ReadonlySet<string> = new Set(initiallyKnown);
  const notified: AtRiskNotification[] = [];
  const store: KnownAtRiskStore = {
    read: () => known,
    write: (ids) => {
      known = ids;
    },
  };
  const notifier = createAtRiskNotifier({
    listAtRisk: async () => atRisk,
    notify: (notification) => notified.push(notification),
    known: store,
    formatDue: (instant) => instant.slice(0, 10),
  });
  const promise = (id: string): AtRiskPromise => ({
    id,
    title: `Deliver ${id}`,
    dueDeadline: '2026-11-27T16:00:00.000Z',
  });
  return {
    notifier,
    notified,
    promise,
    setAtRisk: (ids: string[]) => {
      atRisk = ids.map(promise);
    },
  };
}

describe('the at-risk notifier', () => {
  it('notifies a newly at-risk promise once, however often it polls', async () => {
    const { notifier, notified, setAtRisk } = setup();
    setAtRisk([]);
    await notifier.poll();
    setAtRisk(['p1']);
    await notifier.poll();
    await notifier.poll();
    await notifier.poll();
    expect(notified).toEqual([
      { title: 'A promise is at risk', body: 'Deliver p1 — due 2026-11-27', promiseId: 'p1' },
    ]);
  });

  it('does not repeat what it told before a restart (the known ones are kept)', async () => {
    const { notifier, notified, setAtRisk } = setup(['p1']);
    setAtRisk(['p1', 'p2']);
    await notifier.poll();
    expect(notified.map((n) => n.promiseId)).toEqual(['p2']);
  });

  it('notifies again when a promise that recovered slips once more', async () => {
    const { notifier, notified, setAtRisk } = setup();
    setAtRisk(['p1']);
    await notifier.poll();
    setAtRisk([]);
    await notifier.poll();
    setAtRisk(['p1']);
    await notifier.poll();
    expect(notified.map((n) => n.promiseId)).toEqual(['p1', 'p1']);
  });

  it('sums up many newly at-risk promises in one notification instead of a flood', async () => {
    const { notifier, notified, setAtRisk } = setup();
    setAtRisk(['p1', 'p2', 'p3', 'p4', 'p5']);
    await notifier.poll();
    await notifier.poll();
    expect(notified).toEqual([
      {
        title: '5 promises newly at risk',
        body: 'Open Today to see them and tell the customers early.',
        promiseId: null,
      },
    ]);
  });
});

describe('the at-risk notifier over the local API', () => {
  it('notifies once when a promise of the local store is flagged at risk', async () => {
    const dataDir = tempDataDir();
    const connection = connectionIn(dataDir.path);
    try {
      const local = await connection.chooseLocal('Ada');
      const handle = createIpcHandler({ connection, openExternal: async () => {} });
      const call = async (type: 'query' | 'mutation', path: string, input: unknown) => {
        const response = await handle({ id: 1, type, path, input });
        if ('error' in response) throw new Error(response.error.message);
        return response.result.data as Record<string, unknown>;
      };
      const account = await call('mutation', 'account.create', {
        name: 'Northwind',
        ownerId: local.user.id,
      });
      const promise = await call('mutation', 'promise.create', {
        accountId: account.id,
        ownerId: local.user.id,
        kind: 'delivery',
        title: 'Ship the spare parts',
        due: { kind: 'point', at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      });
      const notified: AtRiskNotification[] = [];
      let known: ReadonlySet<string> = new Set();
      const notifier = createAtRiskNotifier({
        listAtRisk: atRiskListThrough(handle),
        notify: (notification) => notified.push(notification),
        known: {
          read: () => known,
          write: (ids) => {
            known = ids;
          },
        },
        formatDue: () => 'Friday',
      });

      await notifier.poll();
      expect(notified).toEqual([]);
      await call('mutation', 'promise.recordEvent', {
        promiseId: promise.id,
        expectedVersion: 1,
        event: { type: 'at_risk_flagged', reason: 'The carrier lost the pallet' },
      });
      await notifier.poll();
      await notifier.poll();
      expect(notified).toEqual([
        {
          title: 'A promise is at risk',
          body: 'Ship the spare parts — due Friday',
          promiseId: promise.id,
        },
      ]);
    } finally {
      await connection.close();
      dataDir.remove();
    }
  });
});
