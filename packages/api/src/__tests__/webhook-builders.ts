import type { ApiToken, TokenScope } from '@steadfast/domain';
import { createCaller } from '../root.ts';
import type { TestApi } from './test-api.ts';

/** An integration token made by the admin, and a caller presenting it. */
export async function aTokenCaller(
  api: TestApi,
  scopes: TokenScope[] = ['webhooks:manage', 'promises:write', 'observations:write'],
  name = 'CRM',
): Promise<{ token: ApiToken; caller: ReturnType<typeof createCaller> }> {
  const { token } = await api.adminCaller.token.create({ name, scopes });
  const caller = createCaller({
    db: api.db,
    now: () => api.clock.now,
    newId: api.newId,
    actorId: null,
    token,
  });
  return { token, caller };
}

/** An account of the test's account manager (Mon–Fri 09:00–17:00 in Berlin). */
export async function anAccount(api: TestApi, name = 'Northwind'): Promise<string> {
  const account = await api.caller.account.create({
    name,
    ownerId: api.ownerId,
    stage: 'active',
    timeZone: 'Europe/Berlin',
  });
  return account.id;
}

/** An open promise of the account, due a day after the test clock. */
export async function aPromise(api: TestApi, accountId: string) {
  return api.caller.promise.create({
    accountId,
    ownerId: api.ownerId,
    kind: 'delivery',
    title: 'Replacement compressor',
    due: {
      kind: 'point',
      at: new Date(Date.parse(api.clock.now) + 86_400_000).toISOString(),
    },
  });
}

/** Every outbox row, oldest first, as stored. */
export async function outboxRows(api: TestApi) {
  return api.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
