import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { apiReferenceDirectives, contentSecurityPolicyOf } from './security-headers.ts';

const require = createRequire(import.meta.url);
/** Scalar's self-contained browser bundle, served from node_modules: the page needs no CDN. */
const scalarBundle = require.resolve('@scalar/api-reference/browser/standalone.js');

/**
 * The script that starts Scalar on the page. It is a file of its own, not inline, so the page's
 * Content-Security-Policy can keep scripts to this origin's files.
 */
function startScript(documentUrl: string): string {
  const configuration = JSON.stringify({
    url: documentUrl,
    // Its default fonts come from Scalar's servers; the system's fonts do, offline too.
    withDefaultFonts: false,
    // Scalar's cloud features (AI agent, developer toolbar, telemetry) need its servers: off.
    agent: { disabled: true },
    showDeveloperTools: 'never',
    telemetry: false,
    hideClientButton: true,
    defaultOpenAllTags: true,
    metaData: { title: 'Steadfast integration API' },
  });
  return `Scalar.createApiReference('#app', ${configuration});\n`;
}

/** The reference page: Scalar renders the OpenAPI document served beside it. */
function referencePage(bundleUrl: string, startUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Steadfast integration API — reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${bundleUrl}"></script>
    <script src="${startUrl}"></script>
  </body>
</html>
`;
}

/**
 * GET <prefix>/docs: a human-readable reference of the REST surface, rendered in the browser by
 * @scalar/api-reference from `<prefix>/openapi.json`.
 */
export function registerApiReferencePage(api: FastifyInstance): void {
  const page = referencePage(`${api.prefix}/docs/scalar.js`, `${api.prefix}/docs/start.js`);
  const start = startScript(`${api.prefix}/openapi.json`);
  api.get('/docs', { helmet: contentSecurityPolicyOf(apiReferenceDirectives) }, async (_, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
  api.get('/docs/start.js', async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(start),
  );
  api.get('/docs/scalar.js', async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(createReadStream(scalarBundle)),
  );
}
