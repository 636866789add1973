import { z } from 'zod';

/**
 * Every REST error's body: the tRPC error code, a stable machine-readable `errorCode`
 * (`invalid_input`, `version_conflict`, `promise_closed`, …), a message for people, and for bad
 * input `fieldErrors` naming each field and the rule it broke.
 */
export const restErrorOutput = z
  .object({
    code: z.string().meta({ example: 'BAD_REQUEST' }),
    errorCode: z.string().meta({ example: 'invalid_input' }),
    message: z.string().meta({ example: 'Invalid input. title: must not be empty' }),
    httpStatus: z.int().meta({ example: 400 }),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .meta({ example: { title: ['must not be empty'] } }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Error' });
export type RestError = z.output<typeof restErrorOutput>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringLists(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const lists: Record<string, string[]> = {};
  for (const [field, rules] of Object.entries(value)) {
    if (Array.isArray(rules)) lists[field] = rules.map(String);
  }
  return lists;
}

/**
 * The REST body for an error the OpenAPI adapter answered with (`{ message, code, data: {...} }`,
 * our errorFormatter's shape) or one Fastify raised before it (`{ statusCode, code, message }`).
 * Bad input keeps naming each field and rule in the message too.
 */
export function restErrorOf(body: unknown, httpStatus: number): RestError {
  const source = isRecord(body) ? body : {};
  const data = isRecord(source.data) ? source.data : {};
  const fieldErrors = stringLists(data.fieldErrors);
  const code =
    typeof data.code === 'string'
      ? data.code
      : httpStatus >= 500
        ? 'INTERNAL_SERVER_ERROR'
        : 'BAD_REQUEST';
  const errorCode =
    typeof data.errorCode === 'string'
      ? data.errorCode
      : httpStatus >= 500
        ? 'internal_error'
        : 'bad_request';
  const named = Object.entries(fieldErrors)
    .map(([field, rules]) => `${field}: ${rules.join(', ')}`)
    .join('; ');
  const message =
    errorCode === 'invalid_input' && named !== ''
      ? `Invalid input. ${named}`
      : typeof source.message === 'string'
        ? source.message
        : 'The request could not be served.';
  return {
    code,
    errorCode,
    message,
    httpStatus,
    fieldErrors,
    details: isRecord(data.details) ? data.details : {},
  };
}
