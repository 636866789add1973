import type { AppRouter } from '@steadfast/api';
import {
  acceptsRequestBody,
  forEachOpenApiProcedure,
  getInputOutputParsers,
  instanceofZodTypeCoercible,
  instanceofZodTypeObject,
  unwrapZodType,
} from 'trpc-to-openapi';
import type { z } from 'zod';

interface SchemaWithDef {
  _def: { coerce?: boolean };
}

function pinCoercionOff(schema: z.ZodType): void {
  if (!instanceofZodTypeObject(schema)) return;
  for (const field of Object.values(schema.shape)) {
    const inner: z.ZodType = unwrapZodType(field, false);
    if (instanceofZodTypeCoercible(inner)) {
      Object.defineProperty((inner as SchemaWithDef)._def, 'coerce', {
        get: () => false,
        set: () => undefined,
        configurable: true,
      });
    } else {
      pinCoercionOff(inner);
    }
  }
}

/**
 * trpc-to-openapi switches on zod's coercion of the number and boolean fields of every input it
 * serves (query strings arrive as text), JSON bodies included, and on the very schema objects
 * tRPC validates with. A body's `"businessMinutes": null` would then be read as 0, and
 * `"expectedVersion": "2"` as 2, over REST and /trpc alike. For the procedures that take a JSON
 * body, coercion is pinned off, so bad input stays a 400 naming the field.
 */
export function keepJsonBodiesStrict(router: AppRouter): void {
  forEachOpenApiProcedure(router._def.procedures, ({ procedure, meta }) => {
    if (!acceptsRequestBody(meta.openapi.method)) return;
    const { inputParser } = getInputOutputParsers(procedure);
    pinCoercionOff(unwrapZodType(inputParser, true));
  });
}
