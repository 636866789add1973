// The functions given to page.waitForFunction run in the page (the CSP forbids strings there).
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServerProcess } from '@steadfast/server/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { BenchContext, BenchFigure, BenchSuite } from '../figure.ts';
import { benchLeader, copyHistoryToDataDir, historyDataDir } from '../history/fixture.ts';

/**
 * The web admin as a leader meets it: how much JavaScript the portfolio's first load carries
 * (gzipped), and how long after navigation the portfolio is usable on the generated history.
 */
const coldLoads = 5;
const jsGoalKB = 250;
const ttiGoalMs = 1000;
const sessionCookie = 'steadfast_session';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const webBuildScript = join(root, 'scripts/web-build.mjs');
export const portfolioScreenshot = join(historyDataDir, 'web-load-portfolio.png');

function gzippedBytes(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * The floor for the JS figure: React and ReactDOM's own production builds (what any React page
 * carries), gzipped the same way, read from the web admin's installed packages.
 */
function reactGzippedBytes(): number {
  const fromWeb = createRequire(join(root, 'apps/web/package.json'));
  const reactDir = dirname(fromWeb.resolve('react/package.json'));
  const reactDomDir = dirname(fromWeb.resolve('react-dom/package.json'));
  const fromReactDom = createRequire(join(reactDomDir, 'package.json'));
  const schedulerDir = dirname(fromReactDom.resolve('scheduler/package.json'));
  const files = [
    join(reactDir, 'cjs/react.production.js'),
    join(reactDir, 'cjs/react-jsx-runtime.production.js'),
    join(reactDomDir, 'cjs/react-dom.production.js'),
    join(reactDomDir, 'cjs/react-dom-client.production.js'),
    join(schedulerDir, 'cjs/scheduler.production.js'),
  ];
  return gzippedBytes(Buffer.concat(files.map((file) => readFileSync(file))));
}

async function leaderCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: benchLeader.email, password: benchLeader.password }),
  });
  if (response.status !== 200) throw new Error(`the bench leader's login: ${response.status}`);
  const match = new RegExp(`${sessionCookie}=([^;]+)`).exec(
    response.headers.get('set-cookie') ?? '',
  );
  if (match?.[1] === undefined) throw new Error('the login set no session cookie');
  return match[1];
}

/** A fresh browser context (empty cache) already holding the leader's session. */
async function loggedInContext(browser: Browser, url: string, cookie: string) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.addCookies([{ name: sessionCookie, value: cookie, url }]);
  return context;
}

/**
 * Usable: the company's trust score and at least one ranking row are drawn and nothing in those
 * two panels is still loading. Polled every animation frame in the page, so the time is the
 * page's own clock (ms since navigation start) at the first frame that shows them.
 */
function waitUntilUsable(page: Page, timeoutMs: number): Promise<number> {
  return page
    .waitForFunction(
      () => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const trust = document.getElementById('company-trust-title')?.closest('section') ?? null;
        const ranking = document.getElementById('ranking-title')?.closest('section') ?? null;
        if (trust === null || ranking === null) return false;
        if (trust.querySelector('.sf-score-number') === null) return false;
        if (ranking.querySelectorAll('tbody tr a').length === 0) return false;
        return performance.now();
      },
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** The company's trust score drawn (the top of the page), whatever else is still loading. */
function waitForTrustCard(page: Page, timeoutMs: number): Promise<number> {
  return page
    .waitForFunction(
      () =>
        document
          .getElementById('company-trust-title')
          ?.closest('section')
          ?.querySelector('.sf-score-number')
          ? performance.now()
          : false,
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** The app shell drawn (navigation and Log out): the page's code has run, before its data. */
function waitForShell(page: Page, timeoutMs: number): Promise<number> {
  return page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Log out')
          ? performance.now()
          : false,
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

interface ColdLoad {
  usableMs: number;
  shellMs: number;
  trustCardMs: number;
  codeRanMs: number;
  /** The portfolio's tRPC requests: path and ms from navigation start to their end. */
  calls: { path: string; url: string; endMs: number; durationMs: number }[];
  /** ms from a click on the first ranking row until the account's page is there. */
  clickMs: number;
}

async function coldLoad(browser: Browser, url: string, cookie: string): Promise<ColdLoad> {
  const context = await loggedInContext(browser, url, cookie);
  try {
    const page = await context.newPage();
    const calls: ColdLoad['calls'] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/trpc/')) return;
      const timing = request.timing();
      calls.push({
        path: path.slice('/trpc/'.length),
        url: request.url(),
        endMs: Math.round(timing.startTime + timing.responseEnd) || 0,
        durationMs: Math.round(timing.responseEnd),
      });
    });
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    const [shellMs, trustCardMs, usableMs] = await Promise.all([
      waitForShell(page, 60_000),
      waitForTrustCard(page, 120_000),
      waitUntilUsable(page, 120_000),
    ]);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    // The page's code has arrived and run (module scripts run before DOMContentLoaded): the
    // floor before any data.
    const codeRanMs = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return navigation instanceof PerformanceNavigationTiming
        ? navigation.domContentLoadedEventEnd
        : 0;
    });
    // The portfolio's own calls: those finished by the time it was usable.
    const portfolioCalls = calls
      .map((call) => ({ ...call, endMs: Math.round(call.endMs - navigationStart) }))
      .filter((call) => call.endMs <= usableMs);
    const clickStarted = performance.now();
    await page
      .locator('#ranking-title')
      .locator('xpath=../..')
      .locator('tbody tr a')
      .first()
      .click();
    await page.waitForURL((address) => address.pathname.startsWith('/accounts/'), {
      timeout: 30_000,
    });
    await page.locator('h1').first().waitFor();
    const clickMs = performance.now() - clickStarted;
    return { usableMs, shellMs, trustCardMs, codeRanMs, calls: portfolioCalls, clickMs };
  } finally {
    await context.close();
  }
}

interface FirstLoadScript {
  name: string;
  bytes: number;
  gzipped: number;
  /** Arrived before the portfolio was usable (the rest, e.g. the charts, came after). */
  beforeUsable: boolean;
}

/**
 * Every script the portfolio's first load fetches until the network is quiet, gzipped at level 9
 * by the bench (the server sends them uncompressed).
 */
async function firstLoadScripts(
  browser: Browser,
  url: string,
  cookie: string,
): Promise<FirstLoadScript[]> {
  const context: BrowserContext = await loggedInContext(browser, url, cookie);
  try {
    const page = await context.newPage();
    const bodies: Promise<{ name: string; body: Buffer; at: number } | null>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const contentType = response.headers()['content-type'] ?? '';
      if (type !== 'script' && !contentType.includes('javascript')) return;
      const at = Date.now();
      bodies.push(
        response
          .body()
          .then((body) => ({ name: new URL(response.url()).pathname, body, at }))
          .catch(() => null),
      );
    });
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    const usableMs = await waitUntilUsable(page, 120_000);
    const usableAt = (await page.evaluate(() => performance.timeOrigin)) + usableMs;
    await page.waitForLoadState('networkidle');
    return (await Promise.all(bodies))
      .filter((entry) => entry !== null)
      .map(({ name, body, at }) => ({
        name,
        bytes: body.length,
        gzipped: gzippedBytes(body),
        beforeUsable: at <= usableAt,
      }));
  } finally {
    await context.close();
  }
}

async function screenshotPortfolio(browser: Browser, url: string, cookie: string): Promise<void> {
  const context = await loggedInContext(browser, url, cookie);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await waitUntilUsable(page, 120_000);
    await page.waitForLoadState('networkidle');
    mkdirSync(dirname(portfolioScreenshot), { recursive: true });
    await page.screenshot({ path: portfolioScreenshot, fullPage: true });
  } finally {
    await context.close();
  }
}

/**
 * Each procedure the portfolio called, alone, as the leader (median of 3, after the loads): a
 * batch answers when its slowest procedure does, so this says which one bounds it.
 */
async function procedureTimes(
  callUrls: readonly string[],
  cookie: string,
): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  for (const callUrl of callUrls) {
    const url = new URL(callUrl);
    const names = url.pathname.slice('/trpc/'.length).split(',');
    const batched = url.searchParams.get('batch') === '1';
    const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>;
    for (const [index, name] of names.entries()) {
      const input = batched ? inputs[String(index)] : inputs;
      const single = new URL(`/trpc/${name}`, url);
      if (input !== undefined) single.searchParams.set('input', JSON.stringify(input));
      const samples: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now();
        const response = await fetch(single, {
          headers: { cookie: `${sessionCookie}=${cookie}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
        samples.push(performance.now() - started);
      }
      times[name] = Math.round(median(samples));
    }
  }
  return times;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

async function measureWebLoad(context: BenchContext): Promise<BenchFigure[]> {
  const build = spawnSync(process.execPath, [webBuildScript], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web admin did not build');
  const storeFile = await context.history(context.scale);
  const dataDir = await copyHistoryToDataDir(storeFile);
  const accounts = context.scale.accounts.toLocaleString('en-US');
  try {
    const server = await startServerProcess(
      // The background worker stays off: its sweeps over a fresh copy would compete with the page.
      { DATA_DIR: dataDir, DEMO_DATA: 'false', WORKER_INTERVAL_MS: '0' },
      { startTimeoutMs: 180_000 },
    );
    const browser = await launchChromium();
    try {
      const cookie = await leaderCookie(server.url);
      // One load first, not counted: the server's and the OS's caches warm as for any visitor.
      context.log('web-load: a first load (not counted)');
      await coldLoad(browser, server.url, cookie);

      const files = await firstLoadScripts(browser, server.url, cookie);
      const jsKB = files.reduce((sum, file) => sum + file.gzipped, 0) / 1024;
      const reactKB = reactGzippedBytes() / 1024;
      context.log(`web-load: ${files.length} scripts, ${jsKB.toFixed(1)} KB gzipped`);

      const loads: ColdLoad[] = [];
      for (let load = 0; load < coldLoads; load += 1) {
        const measured = await coldLoad(browser, server.url, cookie);
        context.log(
          `web-load: cold load ${load + 1}: usable at ${Math.round(measured.usableMs)} ms (scripts run ${Math.round(measured.codeRanMs)} ms, trust card ${Math.round(measured.trustCardMs)} ms)`,
        );
        loads.push(measured);
      }
      const procedureMs = await procedureTimes(
        (loads[0]?.calls ?? []).map((call) => call.url),
        cookie,
      );
      await screenshotPortfolio(browser, server.url, cookie);
      context.log(`web-load: screenshot at ${portfolioScreenshot}`);

      const usableMs = median(loads.map((load) => load.usableMs));
      const codeRanMs = median(loads.map((load) => load.codeRanMs));
      const medianLoad = loads[Math.floor(loads.length / 2)]?.calls ?? [];
      return [
        {
          suite: 'web-load',
          name: 'portfolio first load: JS gzipped (level 9)',
          value: jsKB,
          unit: 'KB',
          baseline: { name: 'React + ReactDOM alone', value: reactKB, unit: 'KB' },
          ratio: jsKB / reactKB,
          goal: { text: `≤ ${jsGoalKB} KB`, met: jsKB <= jsGoalKB },
          details: {
            files: files.map((file) => ({
              name: file.name,
              KB: Math.round(file.bytes / 102.4) / 10,
              gzippedKB: Math.round(file.gzipped / 102.4) / 10,
              beforeUsable: file.beforeUsable,
            })),
            gzippedKBBeforeUsable:
              Math.round(
                files
                  .filter((file) => file.beforeUsable)
                  .reduce((sum, file) => sum + file.gzipped, 0) / 102.4,
              ) / 10,
            compression: 'none on the wire; each script gzipped by the bench (zlib level 9)',
          },
        },
        {
          suite: 'web-load',
          name: `portfolio usable (trust + ranking rows), ${accounts} accounts, median of ${coldLoads} cold loads`,
          value: usableMs,
          unit: 'ms',
          baseline: {
            name: 'index.html + its scripts run (DOMContentLoaded), same loads',
            value: codeRanMs,
            unit: 'ms',
          },
          ratio: usableMs / codeRanMs,
          goal: { text: `≤ ${ttiGoalMs} ms`, met: usableMs <= ttiGoalMs },
          details: {
            usableMs: loads.map((load) => Math.round(load.usableMs)),
            domContentLoadedMs: loads.map((load) => Math.round(load.codeRanMs)),
            shellMs: loads.map((load) => Math.round(load.shellMs)),
            trustCardMs: loads.map((load) => Math.round(load.trustCardMs)),
            clickToAccountPageMs: loads.map((load) => Math.round(load.clickMs)),
            trpcCallsOfTheMedianLoad: medianLoad
              .sort((a, b) => b.endMs - a.endMs)
              .map(({ url: _url, ...call }) => call),
            procedureMsAlone: procedureMs,
            screenshot: portfolioScreenshot,
          },
        },
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const webLoad: BenchSuite = { name: 'web-load', run: measureWebLoad };
