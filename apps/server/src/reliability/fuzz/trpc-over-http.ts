import type { Caller } from './fuzz-server.ts';

/** One HTTP request to the server, as raw as a hostile caller may make it. */
export interface RawRequest {
  /** What the request was, for the report. */
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path and query under the server's address, e.g. `/trpc/account.get?input=…`. */
  target: string;
  body?: string;
  contentType?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export async function send(url: string, request: RawRequest, caller: Caller): Promise<Answer> {
  const headers: Record<string, string> = { ...caller.headers };
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  const response = await fetch(`${url}${request.target}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** A procedure called the way tRPC's own client does: GET with `?input=` or POST with a JSON body. */
export function procedureCall(options: {
  path: string;
  type: 'query' | 'mutation';
  input: unknown;
}): RawRequest {
  const text = options.input === undefined ? undefined : JSON.stringify(options.input);
  if (options.type === 'query') {
    const query = text === undefined ? '' : `?input=${encodeURIComponent(text)}`;
    return { label: 'call', method: 'GET', target: `/trpc/${options.path}${query}` };
  }
  return {
    label: 'call',
    method: 'POST',
    target: `/trpc/${options.path}`,
    contentType: 'application/json',
    ...(text === undefined ? {} : { body: text }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with an error as tRPC sends it, or null when it has the shape every client reads:
 * `{ error: { message, code, data: { code, httpStatus, errorCode, fieldErrors, details } } }`
 * with a 4xx `httpStatus`, and bad input naming at least one field.
 */
export function errorShapeProblem(item: unknown, status?: number): string | null {
  if (!isRecord(item) || !isRecord(item.error)) return 'no `error` object';
  const { message, code, data } = item.error;
  if (typeof message !== 'string' || typeof code !== 'number') return 'no message or code';
  if (!isRecord(data)) return 'no `data`';
  if (typeof data.code !== 'string' || typeof data.errorCode !== 'string') return 'no data.code';
  if (!isRecord(data.fieldErrors) || !isRecord(data.details)) return 'no fieldErrors or details';
  if (typeof data.httpStatus !== 'number' || data.httpStatus < 400 || data.httpStatus >= 500) {
    return `data.httpStatus is ${String(data.httpStatus)}`;
  }
  if (status !== undefined && data.httpStatus !== status) {
    return `data.httpStatus ${data.httpStatus} but HTTP status ${status}`;
  }
  if (data.errorCode === 'invalid_input' && Object.keys(data.fieldErrors).length === 0) {
    return 'invalid input without a field named';
  }
  if ('stack' in data) return 'a stack trace';
  return null;
}

/**
 * What is wrong with an answer: a 5xx, or a refusal without tRPC's error shape. A batch answers
 * with one item per call, each a result or an error. Null when the answer is sound.
 */
export function answerProblem(answer: Answer, batch: boolean): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (answer.status < 200 || (answer.status >= 300 && answer.status < 400)) {
    return `HTTP ${answer.status}`;
  }
  if (batch && Array.isArray(answer.body)) {
    for (const item of answer.body) {
      if (isRecord(item) && 'result' in item) continue;
      const problem = errorShapeProblem(item);
      if (problem !== null) return `batch item: ${problem}`;
    }
    return null;
  }
  if (answer.status < 300) {
    return isRecord(answer.body) && 'result' in answer.body ? null : 'a 2xx without `result`';
  }
  return errorShapeProblem(answer.body, answer.status);
}
