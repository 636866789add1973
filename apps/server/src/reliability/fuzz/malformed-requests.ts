import type { RawRequest } from './trpc-over-http.ts';

const json = 'application/json';

/** Requests for one procedure that no tRPC client would make: wrong method, broken encodings. */
export function malformedCalls(path: string, type: 'query' | 'mutation'): RawRequest[] {
  const at = `/trpc/${path}`;
  const requests: RawRequest[] = [
    type === 'query'
      ? { label: 'query by POST', method: 'POST', target: at, body: '{}', contentType: json }
      : {
          label: 'mutation by GET',
          method: 'GET',
          target: `${at}?input=${encodeURIComponent('{}')}`,
        },
    { label: 'PUT', method: 'PUT', target: at, body: '{}', contentType: json },
    { label: 'DELETE', method: 'DELETE', target: at },
  ];
  if (type === 'query') {
    for (const [label, query] of [
      ['input is broken JSON', 'input=%7B'],
      ['input is an unterminated string', 'input=%22abc'],
      ['input is empty', 'input='],
      ['input is the word undefined', 'input=undefined'],
      ['input is bad percent-encoding', 'input=%ZZ%E0%A4%A'],
      ['input given twice', 'input=1&input=2'],
      ['input in brackets', 'input[a]=1&input[b][c]=2'],
      ['input with a NUL', 'input=%22a%00b%22'],
      ['batch without input', 'batch=1'],
      ['batch with an array input', `batch=1&input=${encodeURIComponent('[1,2]')}`],
      ['batch=banana', `batch=banana&input=${encodeURIComponent('{"0":{}}')}`],
    ] as const) {
      requests.push({ label, method: 'GET', target: `${at}?${query}` });
    }
    return requests;
  }
  for (const [label, body, contentType] of [
    ['body is broken JSON', '{', json],
    ['body is a bare word', 'nul', json],
    ['body is empty but said to be JSON', '', json],
    ['body is an unterminated string', '"abc', json],
    ['body starts with a byte-order mark', '\ufeff{"a":1', json],
    ['body has a trailing comma', '{"a":1,}', json],
    ['body is text', 'not json at all', 'text/plain'],
    ['body is a form', 'a=1&b=2', 'application/x-www-form-urlencoded'],
    ['body is broken multipart', '--x\r\nnot really\r\n', 'multipart/form-data; boundary=x'],
    ['body is octets', '\u0000\u0001\u0002', 'application/octet-stream'],
    ['content type is garbage', '{"a":', 'application/;;;'],
  ] as const) {
    requests.push({ label, method: 'POST', target: at, body, contentType });
  }
  return requests;
}

/**
 * Requests to paths that are no procedure, names that reach into an object's prototype, and
 * batches: of unknown names, of many calls at once, and one longer than the router takes.
 */
export function strayRequests(options: {
  queries: string[];
  /** Mutations with a body each one refuses (checked by the caller). */
  refusedMutations: { path: string; input: unknown }[];
}): RawRequest[] {
  const requests: RawRequest[] = [];
  for (const name of [
    'nope',
    'account.nope',
    'account',
    'account.get.more',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'account.__proto__',
    'account.constructor',
    '__proto__.toString',
    'a..b',
    '.',
    '%00',
    '%ZZ',
    'x'.repeat(6_000),
  ]) {
    requests.push({
      label: `unknown path ${name.slice(0, 30)}`,
      method: 'GET',
      target: `/trpc/${name}`,
    });
    requests.push({
      label: `unknown path ${name.slice(0, 30)} by POST`,
      method: 'POST',
      target: `/trpc/${name}`,
      body: '{}',
      contentType: json,
    });
  }
  requests.push({ label: 'no path', method: 'GET', target: '/trpc/' });
  const batchOf = (paths: string[], inputs: unknown[]) =>
    `/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify({ ...inputs }))}`;
  const someQueries = options.queries.slice(0, 40);
  requests.push(
    {
      label: 'batch of unknown names',
      method: 'GET',
      target: batchOf(['nope', '__proto__', 'account.nope'], [{}, {}, {}]),
    },
    {
      label: 'batch of every query with junk inputs',
      method: 'GET',
      target: batchOf(
        someQueries,
        someQueries.map((_, i) => (i % 2 === 0 ? 'junk' : { limit: -1 })),
      ),
    },
    {
      label: 'batch of 400 calls',
      method: 'GET',
      target: `/trpc/${Array(400).fill('auth.me').join(',')}?batch=1`,
    },
    {
      label: 'batch longer than the router takes',
      method: 'GET',
      target: `/trpc/${Array(2_000).fill('auth.me').join(',')}?batch=1`,
    },
    {
      label: 'batch with inputs for calls it does not have',
      method: 'GET',
      target: `/trpc/auth.me?batch=1&input=${encodeURIComponent('{"7":1,"__proto__":{"0":2}}')}`,
    },
    {
      label: 'batch mixing a query into mutations by POST',
      method: 'POST',
      target: `/trpc/${[...options.refusedMutations.map((m) => m.path), 'auth.me'].join(',')}?batch=1`,
      body: JSON.stringify({ ...options.refusedMutations.map((m) => m.input) }),
      contentType: json,
    },
    {
      label: 'batch of mutations by GET',
      method: 'GET',
      target: batchOf(
        options.refusedMutations.map((m) => m.path),
        options.refusedMutations.map((m) => m.input),
      ),
    },
    {
      label: 'batch of mutations with a broken body',
      method: 'POST',
      target: `/trpc/${options.refusedMutations.map((m) => m.path).join(',')}?batch=1`,
      body: '{"0":',
      contentType: json,
    },
  );
  return requests;
}
