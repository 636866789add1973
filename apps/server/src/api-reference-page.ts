import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
/** Scalar's self-contained browser bundle, served from node_modules: the page needs no CDN. */
const scalarBundle = require.resolve('@scalar/api-reference/browser/standalone.js');

/** The reference page: Scalar renders the OpenAPI document served beside it. */
function referencePage(documentUrl: string, bundleUrl: string): string {
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
    <script>Scalar.createApiReference('#app', ${configuration});</script>
  </body>
</html>
`;
}

/**
 * GET <prefix>/docs: a human-readable reference of the REST surface, rendered in the browser by
 * @scalar/api-reference from `<prefix>/openapi.json`.
 */
export function registerApiReferencePage(api: FastifyInstance): void {
  api.get('/docs', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(referencePage(`${api.prefix}/openapi.json`, `${api.prefix}/docs/scalar.js`)),
  );
  api.get('/docs/scalar.js', async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(createReadStream(scalarBundle)),
  );
}
