import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The build is made by the global setup. What the browser must fetch before the first page can
// draw: the entry script and the modules index.html preloads. Pages come later, each in its chunk.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const firstLoadBudgetBytes = 250 * 1024;

function firstLoadScripts(): string[] {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)];
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)];
  return [...entry, ...preloaded].map((match) => match[1] ?? '');
}

describe('the web admin’s first load', () => {
  it('stays within 250 KB of gzipped JavaScript, with charts and tables left to the pages', () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const contents = scripts.map((script) => readFileSync(`${dist}${script}`, 'utf8'));
    const gzipped = contents.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(gzipped).toBeLessThan(firstLoadBudgetBytes);
    // The charts and TanStack Table come with the pages that draw them, not on the first load.
    for (const text of contents) {
      // React's development build (jsxDEV) is never what is served, even when vitest built it.
      expect(text).not.toContain('jsxDEV');
      expect(text).not.toContain('chart-svg');
      expect(text).not.toContain('getSortedRowModel');
    }
  });
});
