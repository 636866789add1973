import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { withContentSecurityPolicy } from '../../src/main/content-security-policy.ts';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
export const rendererDir = join(appDir, 'dist/renderer');

/** Builds the renderer exactly as `pnpm build` does (vite.config.ts). */
export async function buildRenderer(): Promise<void> {
  await build({ configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn' });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the built renderer on loopback with the app's Content-Security-Policy header, as the
 * main process sets it, so the tests run the page under the same policy.
 */
export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(rendererDir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = withContentSecurityPolicy({
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      });
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
