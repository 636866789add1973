import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import type { AppRouter } from '../root.ts';
import { restErrorOutput } from './rest-error.ts';

/** The version of the REST surface under `/v1`, as the OpenAPI document states it. */
export const integrationApiVersion = '1.0.0';

const description = [
  'REST for integrations (order systems, helpdesks, CRMs): post promises, their fulfilments and other events, post service observations one by one or in batches, and read trust scores.',
  'Authenticate with an integration token (`Authorization: Bearer sf_…`, created by an admin with `token.create`); each endpoint says which scope it needs.',
  'Instants are UTC ISO-8601 strings. Every error has the body `Error`: bad input is a 400 whose `fieldErrors` name each field and rule, and nothing is changed.',
  'TypeScript callers can use the typed SDK `@steadfast/client` instead.',
].join('\n\n');

const errorRef = { $ref: '#/components/schemas/Error' };

/**
 * Every error response answers with our `Error` body (what the REST surface really sends), not
 * the generator's generic `{ message, code, issues }`, whose component schemas are then dropped.
 */
function withRestErrors(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const responses = (operation as { responses?: Record<string, { content?: unknown }> })
        .responses;
      for (const [status, response] of Object.entries(responses ?? {})) {
        if (status.startsWith('2')) continue;
        response.content = { 'application/json': { schema: errorRef } };
      }
    }
  }
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas)) {
    if (name.startsWith('error.')) delete schemas[name];
  }
  return document;
}

/**
 * Ids, instants and dates say what they are by `format`; the long regular expressions zod also
 * writes for them (`pattern`) only make the reference page harder to read.
 */
function withoutFormatPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutFormatPatterns(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.format === 'string' && typeof schema.pattern === 'string')
    delete schema.pattern;
  for (const value of Object.values(schema)) withoutFormatPatterns(value);
}

/** The OpenAPI 3.1 document of the integration procedures, served from `baseUrl` (…/api). */
export function integrationOpenApiDocument(router: AppRouter, baseUrl: string): OpenAPIObject {
  const document = withRestErrors(
    generateOpenApiDocument(router, {
      title: 'Steadfast integration API',
      description,
      version: integrationApiVersion,
      baseUrl,
      tags: ['Promises', 'Observations', 'Trust', 'Accounts'],
      securitySchemes: {
        integrationToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sf_<id>_<secret>',
          description: 'An integration token with the scopes the endpoint names.',
        },
      },
      defs: { Error: restErrorOutput },
    }),
  );
  withoutFormatPatterns(document);
  // Every endpoint needs the token: said once for the whole document too, for readers and tools.
  return { ...document, security: [{ integrationToken: [] }] };
}
