import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The web admin's Content-Security-Policy, and every other answer's: everything from this origin
 * only (Vite's build is external scripts and stylesheets, its favicon a data: URL), no plugins, no
 * framing, forms and <base> kept home. React sets styles through the DOM, which style-src allows.
 */
export const contentSecurityDirectives: Readonly<Directives> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * The REST reference page (/api/docs): Scalar adds its stylesheets as <style> elements at run
 * time, without a nonce, so styles may be inline there; scripts stay this origin's only.
 */
export const apiReferenceDirectives: Readonly<Directives> = {
  ...contentSecurityDirectives,
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** The header's text for the given directives (`default-src 'self'; …`). */
export function contentSecurityPolicyText(directives: Readonly<Directives>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** A route option giving one route its own policy instead of the web admin's. */
export function contentSecurityPolicyOf(directives: Readonly<Directives>) {
  return { contentSecurityPolicy: { useDefaults: false, directives: { ...directives } } };
}

/** One year: a browser that once reached the server over TLS keeps to TLS. */
const strictTransportSecurity = 'max-age=31536000';

/**
 * Security headers on every answer (pages, JSON, the calendar feed), by @fastify/helmet:
 * the CSP above, X-Content-Type-Options nosniff, Referrer-Policy no-referrer (a calendar feed's
 * address holds its secret), X-Frame-Options DENY beside frame-ancestors 'none', and
 * Cross-Origin-Opener/Resource-Policy same-origin.
 *
 * Strict-Transport-Security only on answers to a request that came over TLS: the server listens
 * on plain http://127.0.0.1 by default, where browsers ignore the header and it would only
 * mislead; behind a TLS-terminating proxy (trustProxy, X-Forwarded-Proto: https) it is sent.
 * No includeSubDomains: the server cannot know what else runs under its domain. Nor
 * upgrade-insecure-requests, which would send a plain-http server's own assets to https.
 */
export function registerSecurityHeaders(server: FastifyInstance): void {
  server.register(fastifyHelmet, {
    ...contentSecurityPolicyOf(contentSecurityDirectives),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: false,
  });
  server.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', strictTransportSecurity);
  });
}
