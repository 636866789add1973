import type { OpenApiMeta } from 'trpc-to-openapi';
import { describe, expect, it } from 'vitest';
import { procedureAccess } from '../access/procedure-access.ts';
import { appRouter } from '../root.ts';
import { integrationOpenApiDocument } from './integration-document.ts';
import { integrationRoutes } from './integration-routes.ts';

/** Every procedure of AppRouter that answers as REST, with its route. */
function restProcedures(): Array<{ path: string; meta: OpenApiMeta }> {
  // At run time tRPC keeps every procedure under its dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: unknown } }
  >;
  return Object.entries(procedures).flatMap(([path, procedure]) => {
    const meta = procedure._def.meta as OpenApiMeta | undefined;
    return meta?.openapi === undefined ? [] : [{ path, meta }];
  });
}

describe('the REST routes of the integration procedures', () => {
  it('sit each on the procedure they describe, and every described one is served', () => {
    const served = restProcedures();
    expect(served.map(({ path }) => path).sort()).toEqual(Object.keys(integrationRoutes).sort());
    for (const { path, meta } of served) {
      expect(meta).toBe(integrationRoutes[path as keyof typeof integrationRoutes]);
    }
  });

  it('name the token scope their access entry asks for, and tokens with it may call them', () => {
    for (const { path, meta } of restProcedures()) {
      const access = procedureAccess[path];
      const scope = access !== undefined && 'scope' in access ? access.scope : undefined;
      expect(scope, path).toBeDefined();
      expect(meta.openapi?.description).toContain(`Needs a token with the scope \`${scope}\`.`);
      expect(meta.openapi?.protect).toBe(true);
    }
  });

  it('have honest output schemas: the document describes every success response', () => {
    const document = integrationOpenApiDocument(appRouter, 'http://localhost/api');
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of [item.get, item.post]) {
        if (operation === undefined) continue;
        const success = operation.responses?.['200']?.content?.['application/json']?.schema;
        expect(success, operation.operationId).toBeDefined();
        expect(JSON.stringify(success)).not.toBe('{}');
      }
    }
  });
});
