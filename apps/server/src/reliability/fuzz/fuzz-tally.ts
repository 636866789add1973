import type { Caller } from './fuzz-server.ts';
import { type Answer, answerProblem, type RawRequest } from './trpc-over-http.ts';

/**
 * Fastify's own refusal, `{ statusCode, code?, error, message }`, for what never reaches tRPC: a
 * body type nobody parses (415), a path Fastify cannot decode or route (400, 404), a request
 * line or headers over Node's limit (414, 431).
 */
function refusedByFastify(answer: Answer): boolean {
  const body = answer.body as
    | { statusCode?: unknown; error?: unknown; message?: unknown }
    | undefined;
  return (
    answer.status >= 400 &&
    answer.status < 500 &&
    typeof body === 'object' &&
    body !== null &&
    body.statusCode === answer.status &&
    typeof body.message === 'string' &&
    !('result' in body)
  );
}

const short = (value: unknown, length = 300) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
};

/** What a fuzz run sent and got back: counts by caller and outcome, and every unsound answer. */
export class FuzzTally {
  readonly byCaller = new Map<string, number>();
  readonly counts = { requests: 0, ok: 0, refusedByTrpc: 0, refusedByFastify: 0, serverErrors: 0 };
  /** Every unsound answer: a 5xx, or a refusal out of shape, with the request that got it. */
  readonly problems: string[] = [];
  readonly fastifyRefusals = new Map<string, number>();

  record(options: { request: RawRequest; caller: Caller; answer: Answer; context: string }): void {
    const { request, caller, answer, context } = options;
    this.counts.requests += 1;
    this.byCaller.set(caller.name, (this.byCaller.get(caller.name) ?? 0) + 1);
    const batch = /[?&]batch=1(&|$)/.test(request.target);
    let problem = answerProblem(answer, batch);
    if (answer.status >= 500) {
      this.counts.serverErrors += 1;
    } else if (answer.status >= 400 && problem !== null && refusedByFastify(answer)) {
      this.counts.refusedByFastify += 1;
      const why = `${answer.status} ${(answer.body as { code?: string }).code ?? ''}`.trim();
      this.fastifyRefusals.set(why, (this.fastifyRefusals.get(why) ?? 0) + 1);
      problem = null;
    } else if (answer.status >= 400) {
      this.counts.refusedByTrpc += 1;
    } else {
      this.counts.ok += 1;
    }
    if (problem === null) return;
    this.problems.push(
      `${context} as ${caller.name}: ${problem}\n  ${request.method} ${short(request.target, 200)}` +
        `${request.body === undefined ? '' : `\n  body ${short(request.body)}`}` +
        `\n  answer ${short(answer.text, 600)}`,
    );
  }

  /** One example of each kind of problem, with how often it came. */
  problemReport(): string {
    const kinds = new Map<string, { count: number; example: string }>();
    for (const problem of this.problems) {
      const [head = ''] = problem.split('\n');
      const key = head.replace(/ as [a-z ]+:/, ':');
      const kind = kinds.get(key) ?? { count: 0, example: problem };
      kinds.set(key, { ...kind, count: kind.count + 1 });
    }
    return [...kinds.values()].map(({ count, example }) => `${count}× ${example}`).join('\n\n');
  }

  summary(): string[] {
    const callers = [...this.byCaller].map(([name, n]) => `${name} ${n}`).join(', ');
    const fastify = [...this.fastifyRefusals].map(([why, n]) => `${why}: ${n}`).join(', ');
    return [
      `  requests sent: ${this.counts.requests} (${callers})`,
      `  answered 2xx: ${this.counts.ok}; 4xx: ${this.counts.refusedByTrpc + this.counts.refusedByFastify} (${this.counts.refusedByTrpc} by tRPC, ${this.counts.refusedByFastify} by Fastify before tRPC${fastify === '' ? '' : `: ${fastify}`})`,
      `  5xx seen: ${this.counts.serverErrors}`,
    ];
  }
}
