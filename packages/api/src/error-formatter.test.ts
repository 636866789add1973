import { DomainError } from '@steadfast/domain';
import { type TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorFormatter } from './error-formatter.ts';

/** The shape tRPC builds before formatting, with the stack it adds outside production. */
function shapeOf(error: TRPCError, httpStatus: number): TRPCDefaultErrorShape {
  return {
    message: error.message,
    code: -32600,
    data: {
      code: error.code,
      httpStatus,
      path: 'account.get',
      stack: 'Error\n    at /srv/x.ts:1:1',
    },
  };
}

const invalidInput = new TRPCError({
  code: 'BAD_REQUEST',
  cause: z.object({ id: z.uuid() }).safeParse({ id: 'x' }).error,
});
const domainRefusal = new TRPCError({
  code: 'NOT_FOUND',
  cause: new DomainError({ code: 'not_found', kind: 'not_found', message: 'no such account' }),
});
const plainRefusal = new TRPCError({ code: 'FORBIDDEN', message: 'You may not call it.' });

describe('errorFormatter', () => {
  it.each([
    ['bad input', invalidInput, 400],
    ['a domain error', domainRefusal, 404],
    ['any other refusal', plainRefusal, 403],
  ] as const)('sends no stack trace for %s, whatever NODE_ENV is', (_, error, status) => {
    const formatted = errorFormatter({ shape: shapeOf(error, status), error });
    expect(formatted.data).not.toHaveProperty('stack');
    expect(formatted.data.httpStatus).toBe(status);
  });
});
