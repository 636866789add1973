import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeResponse } from '../shared/bridge.ts';
import { connectionIn, tempDataDir } from './__tests__/temp-data-dir.ts';
import type { Connection } from './connection.ts';
import { createIpcHandler } from './ipc-handler.ts';

let dataDir: ReturnType<typeof tempDataDir>;
let connection: Connection;
let opened: string[];
let handle: (message: unknown) => Promise<BridgeResponse>;

beforeEach(async () => {
  dataDir = tempDataDir();
  connection = connectionIn(dataDir.path);
  await connection.restore();
  opened = [];
  handle = createIpcHandler({
    connection,
    openExternal: async (url) => {
      opened.push(url);
    },
  });
});
afterEach(async () => {
  await connection.close();
  dataDir.remove();
});

function dataOf(response: BridgeResponse): unknown {
  if ('error' in response) throw new Error(`expected data, got ${response.error.message}`);
  return response.result.data;
}

async function chooseLocal(): Promise<string> {
  dataOf(
    await handle({
      id: 1,
      type: 'mutation',
      path: 'desktop.chooseLocal',
      input: { ownerName: 'Ada' },
    }),
  );
  const me = dataOf(await handle({ id: 2, type: 'query', path: 'auth.me', input: undefined }));
  return (me as { id: string }).id;
}

describe('the IPC handler', () => {
  it('asks for a mode before any API call on first start, as a 412', async () => {
    const response = await handle({ id: 7, type: 'query', path: 'account.list', input: {} });
    expect(response).toMatchObject({
      id: 7,
      error: {
        message: 'Choose team or local mode first.',
        data: { httpStatus: 412, errorCode: 'precondition_failed' },
      },
    });
  });

  it('answers a query from the real API in local mode', async () => {
    await chooseLocal();
    const status = dataOf(
      await handle({ id: 3, type: 'query', path: 'desktop.status', input: undefined }),
    );
    expect(status).toMatchObject({ mode: 'local', signedIn: true });
    expect(await handle({ id: 4, type: 'query', path: 'account.list', input: {} })).toEqual({
      id: 4,
      result: { data: [] },
    });
  });

  it('runs a mutation through the real API in local mode, and a later query sees it', async () => {
    const ownerId = await chooseLocal();
    const created = dataOf(
      await handle({
        id: 5,
        type: 'mutation',
        path: 'account.create',
        input: { name: 'Northwind Traders', ownerId, stage: 'active' },
      }),
    ) as { id: string };
    const got = dataOf(
      await handle({ id: 6, type: 'query', path: 'account.get', input: { id: created.id } }),
    );
    expect(got).toMatchObject({
      account: { name: 'Northwind Traders', stage: 'active' },
      contacts: [],
    });
  });

  it('answers bad input with the 400 shape naming each field and its rule, and changes nothing', async () => {
    const ownerId = await chooseLocal();
    const response = await handle({
      id: 8,
      type: 'mutation',
      path: 'account.create',
      input: { name: '   ', ownerId, stage: 'galactic' },
    });
    expect(response).toMatchObject({
      id: 8,
      error: {
        message: expect.stringContaining('Invalid input.'),
        data: {
          code: 'BAD_REQUEST',
          httpStatus: 400,
          errorCode: 'invalid_input',
          fieldErrors: { name: ['must not be empty'], stage: [expect.any(String)] },
        },
      },
    });
    expect(await handle({ id: 9, type: 'query', path: 'account.list', input: {} })).toEqual({
      id: 9,
      result: { data: [] },
    });
  });

  it('answers a procedure that does not exist with a 404, not a crash', async () => {
    await chooseLocal();
    expect(
      await handle({ id: 10, type: 'query', path: 'promise.nothing', input: {} }),
    ).toMatchObject({
      id: 10,
      error: { data: { httpStatus: 404 } },
    });
  });

  it('refuses a message that is not a tRPC operation with a 400', async () => {
    expect(await handle({ id: 11, type: 'subscription', path: 'x' })).toMatchObject({
      id: 11,
      error: { data: { httpStatus: 400, fieldErrors: { type: [expect.any(String)] } } },
    });
    expect(await handle('rm -rf /')).toMatchObject({
      id: -1,
      error: { data: { httpStatus: 400 } },
    });
  });

  it('validates the first-start choice like any procedure: an empty name is a 400 and no mode is set', async () => {
    expect(
      await handle({
        id: 12,
        type: 'mutation',
        path: 'desktop.chooseLocal',
        input: { ownerName: ' ' },
      }),
    ).toMatchObject({
      error: { data: { httpStatus: 400, fieldErrors: { ownerName: ['must not be empty'] } } },
    });
    expect(connection.status().mode).toBe('unset');
  });

  it('hands a drafted notice to the mail client as a mailto: link', async () => {
    dataOf(
      await handle({
        id: 13,
        type: 'mutation',
        path: 'desktop.openMail',
        input: { to: 'pat@northwind.example', subject: 'Your order', body: 'Dear Pat,\nsorry.' },
      }),
    );
    expect(opened).toEqual([
      'mailto:pat@northwind.example?subject=Your%20order&body=Dear%20Pat%2C%0D%0Asorry.',
    ]);
  });
});
