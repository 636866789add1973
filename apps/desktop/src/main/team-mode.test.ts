import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTeamMode, sessionTokenFrom, type TeamSessionStore } from './team-mode.ts';

interface SeenRequest {
  method: string;
  url: string;
  cookie: string | undefined;
  body: string;
}

let server: Server;
let serverUrl: string;
let seen: SeenRequest[];

// A stand-in for the Steadfast server's tRPC endpoint: enough to see what team mode sends.
beforeEach(async () => {
  seen = [];
  server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      cookie: request.headers.cookie,
      body,
    });
    response.setHeader('content-type', 'application/json');
    if (request.url === '/trpc/auth.login') {
      response.setHeader(
        'set-cookie',
        'steadfast_session=tok%2Fen-1; Path=/; HttpOnly; SameSite=Lax',
      );
      response.end(JSON.stringify({ result: { data: { user: { id: 'u1' } } } }));
      return;
    }
    if (request.headers.cookie !== 'steadfast_session=tok%2Fen-1') {
      response.statusCode = 401;
      response.end(
        JSON.stringify({
          error: {
            message: 'Log in (or send a token) to do this.',
            code: -32001,
            data: {
              code: 'UNAUTHORIZED',
              httpStatus: 401,
              errorCode: 'unauthorized',
              fieldErrors: {},
              details: {},
            },
          },
        }),
      );
      return;
    }
    response.end(JSON.stringify({ result: { data: [{ id: 'a1', name: 'Northwind' }] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function memorySessions(
  initial: string | null = null,
): TeamSessionStore & { token: string | null } {
  const store = {
    token: initial,
    read: () => store.token,
    write: (token: string | null) => {
      store.token = token;
    },
  };
  return store;
}

describe('team mode', () => {
  it('logs in over HTTP, keeps the session cookie and sends it with the next query', async () => {
    const sessions = memorySessions();
    const team = openTeamMode({ serverUrl, fetch, sessions });
    const login = await team.call({
      id: 1,
      type: 'mutation',
      path: 'auth.login',
      input: { email: 'ada@example.com', password: 'secret' },
    });
    expect(login).toEqual({ id: 1, result: { data: { user: { id: 'u1' } } } });
    expect(sessions.token).toBe('tok/en-1');

    const accounts = await team.call({
      id: 2,
      type: 'query',
      path: 'account.list',
      input: { stage: 'active' },
    });
    expect(accounts).toEqual({ id: 2, result: { data: [{ id: 'a1', name: 'Northwind' }] } });
    expect(seen.map(({ method, url, cookie, body }) => ({ method, url, cookie, body }))).toEqual([
      {
        method: 'POST',
        url: '/trpc/auth.login',
        cookie: undefined,
        body: '{"email":"ada@example.com","password":"secret"}',
      },
      {
        method: 'GET',
        url: `/trpc/account.list?input=${encodeURIComponent('{"stage":"active"}')}`,
        cookie: 'steadfast_session=tok%2Fen-1',
        body: '',
      },
    ]);
  });

  it("passes the server's error shape through unchanged and forgets a session the server refused", async () => {
    const sessions = memorySessions('expired');
    const team = openTeamMode({ serverUrl, fetch, sessions });
    const response = await team.call({
      id: 3,
      type: 'query',
      path: 'account.list',
      input: undefined,
    });
    expect(response).toMatchObject({
      id: 3,
      error: { data: { httpStatus: 401, errorCode: 'unauthorized' } },
    });
    expect(sessions.token).toBeNull();
    expect(team.hasSession()).toBe(false);
  });

  it('says which server cannot be reached, as a 503 in the same error shape', async () => {
    const team = openTeamMode({
      serverUrl: 'http://127.0.0.1:9',
      fetch,
      sessions: memorySessions(),
    });
    const response = await team.call({
      id: 4,
      type: 'query',
      path: 'account.list',
      input: undefined,
    });
    expect(response).toMatchObject({
      id: 4,
      error: {
        message: expect.stringContaining(
          'The Steadfast server at http://127.0.0.1:9 cannot be reached',
        ),
        data: { httpStatus: 503, fieldErrors: {} },
      },
    });
  });

  it('reads a cleared or expired session cookie as a logout', () => {
    expect(sessionTokenFrom(['other=1', 'steadfast_session=abc; Path=/'])).toBe('abc');
    expect(sessionTokenFrom(['steadfast_session=; Path=/'])).toBeNull();
    expect(
      sessionTokenFrom(['steadfast_session=abc; Expires=Thu, 01 Jan 1970 00:00:00 GMT']),
    ).toBeNull();
    expect(sessionTokenFrom(['other=1'])).toBeUndefined();
  });
});
