import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentSecurityDirectives, contentSecurityPolicyText } from './security-headers.ts';

/** Where `pnpm --filter @steadfast/web build` writes the web admin. */
export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths that belong to the API surfaces: never answered with the web admin's page. */
const apiPrefixes = ['/trpc', '/api', '/ical', '/health'];

function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return apiPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

const notBuiltStyle =
  'body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5 }';
/** The CSP lets exactly this page's one <style> element in, by its hash. */
const notBuiltPolicy = contentSecurityPolicyText({
  ...contentSecurityDirectives,
  'style-src': [
    "'self'",
    `'sha256-${createHash('sha256').update(notBuiltStyle).digest('base64')}'`,
  ],
});

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Steadfast</title><style>${notBuiltStyle}</style></head>
<body>
<h1>Steadfast is running</h1>
<p>The web admin has not been built yet. Build it once with</p>
<pre>pnpm --filter @steadfast/web build</pre>
<p>(the root <code>pnpm start</code> does this for you), then reload this page.</p>
<p>Meanwhile the API answers at <a href="/trpc">/trpc</a> and the health check at <a href="/health">/health</a>.</p>
</body></html>`;

/**
 * Serves the web admin (apps/web's production build): hashed assets under /assets with long-lived
 * caching, and index.html for any GET that asks for HTML outside the API paths, so that every
 * address the web admin's router knows (/accounts/…) can be opened and shared. Without a build,
 * `/` says how to make one.
 */
export async function webAdmin(server: FastifyInstance, options: { dist?: string }): Promise<void> {
  const dist = options.dist ?? defaultWebDist;
  const built = existsSync(join(dist, 'index.html'));
  if (built) {
    await server.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      // Vite puts a content hash in every asset's name: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url) || (request.url !== '/' && !acceptsHtml(request))) {
      return reply.callNotFound();
    }
    if (!built) {
      return reply
        .header('content-security-policy', notBuiltPolicy)
        .type('text/html; charset=utf-8')
        .send(notBuiltPage);
    }
    // index.html names the current assets: it must be fetched again after every build.
    return reply
      .header('cache-control', 'no-cache')
      .sendFile('index.html', dist, { cacheControl: false });
  };
  server.get('/', page);
  server.get('/*', page);
}
