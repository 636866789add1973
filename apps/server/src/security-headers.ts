import type { IncomingMessage, ServerResponse } from 'node:http';
// Types only: the options, and the `helmet` route option it declares on Fastify's routes.
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmetModule from 'helmet';

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

type Helmet = (
  options: FastifyHelmetOptions,
) => (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * helmet, the module @fastify/helmet runs (the same major, declared beside it). @fastify/helmet
 * builds helmet's middlewares anew for every request (parsing the policy's directives each time),
 * which cost as much as the rest of the headers' work; the answer is the same for the same
 * options, so it is worked out once.
 */
const helmet = helmetModule as unknown as Helmet;

interface SecurityHeaders {
  set: [name: string, value: string][];
  removed: string[];
}

/** The headers helmet sets (and removes) with these options, which depend on nothing else. */
function securityHeadersOf(options: FastifyHelmetOptions): SecurityHeaders {
  const set = new Map<string, string>();
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      set.set(name.toLowerCase(), String(value));
    },
    removeHeader: (name: string) => {
      set.delete(name.toLowerCase());
      removed.push(name.toLowerCase());
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return { set: [...set], removed };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's headers when its `helmet` option sets its own (worked out once). */
    securityHeaders?: SecurityHeaders;
  }
}

/**
 * Security headers on every answer (pages, JSON, the calendar feed), by helmet:
 * the CSP above, X-Content-Type-Options nosniff, Referrer-Policy no-referrer (a calendar feed's
 * address holds its secret), X-Frame-Options DENY beside frame-ancestors 'none', and
 * Cross-Origin-Opener/Resource-Policy same-origin. A route's `helmet` option (as with
 * @fastify/helmet) replaces these options for that route.
 *
 * Strict-Transport-Security only on answers to a request that came over TLS: the server listens
 * on plain http://127.0.0.1 by default, where browsers ignore the header and it would only
 * mislead; behind a TLS-terminating proxy (trustProxy, X-Forwarded-Proto: https) it is sent.
 * No includeSubDomains: the server cannot know what else runs under its domain. Nor
 * upgrade-insecure-requests, which would send a plain-http server's own assets to https.
 */
export function registerSecurityHeaders(server: FastifyInstance): void {
  const options: FastifyHelmetOptions = {
    ...contentSecurityPolicyOf(contentSecurityDirectives),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: false,
  };
  const everyAnswer = securityHeadersOf(options);
  server.addHook('onRoute', (route) => {
    if (route.helmet === undefined) return;
    if (route.helmet === false) throw new Error(`${route.url}: every answer has security headers`);
    route.config = {
      ...route.config,
      securityHeaders: securityHeadersOf({ ...options, ...route.helmet } as FastifyHelmetOptions),
    };
  });
  // Set on the raw response, as helmet does: they stay on error answers and streamed files too.
  server.addHook('onRequest', (request, reply, done) => {
    const headers = request.routeOptions.config.securityHeaders ?? everyAnswer;
    const raw = reply.raw;
    for (const name of headers.removed) raw.removeHeader(name);
    for (const [name, value] of headers.set) raw.setHeader(name, value);
    if (request.protocol === 'https')
      raw.setHeader('strict-transport-security', strictTransportSecurity);
    done();
  });
}
