import { describe, expect, it } from 'vitest';
import { createSteadfastClient } from './client.ts';
import { steadfastErrorOf } from './steadfast-error.ts';

/** A fetch that answers like Steadfast's tRPC endpoint and remembers what it was asked. */
function recordingFetch(answer: { status: number; body: unknown }) {
  const requests: Array<{ url: string; authorization: string | null }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}

describe('createSteadfastClient', () => {
  it('sends the token as a Bearer header to the server’s /trpc, through the fetch it is given', async () => {
    const { fetch, requests } = recordingFetch({
      status: 200,
      body: [{ result: { data: { id: 'token-1', name: 'Order system', scopes: [] } } }],
    });
    const steadfast = createSteadfastClient({
      url: 'https://steadfast.example.com/',
      token: 'sf_abc_secret',
      fetch,
    });
    await steadfast.auth.token.query();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toMatch(/^https:\/\/steadfast\.example\.com\/trpc\/auth\.token\?/);
    expect(requests[0]?.authorization).toBe('Bearer sf_abc_secret');
  });

  it('reads a refusal as a Steadfast error with its field errors', async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: [
        {
          error: {
            message: 'Invalid input. title: must not be empty',
            code: -32600,
            data: {
              code: 'BAD_REQUEST',
              httpStatus: 400,
              errorCode: 'invalid_input',
              fieldErrors: { title: ['must not be empty'] },
              details: {},
            },
          },
        },
      ],
    });
    const steadfast = createSteadfastClient({
      url: 'https://steadfast.example.com',
      token: 't',
      fetch,
    });
    const failure = await steadfast.auth.token.query().catch((error: unknown) => error);
    expect(steadfastErrorOf(failure)).toEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      errorCode: 'invalid_input',
      message: 'Invalid input. title: must not be empty',
      fieldErrors: { title: ['must not be empty'] },
      details: {},
    });
  });
});
