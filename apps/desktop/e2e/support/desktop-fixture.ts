import type { Browser, Page } from 'playwright-core';
import { connectionIn, tempDataDir } from '../../src/main/__tests__/temp-data-dir.ts';
import type { Connection } from '../../src/main/connection.ts';
import { createIpcHandler } from '../../src/main/ipc-handler.ts';
import type { DesktopCommand } from '../../src/shared/bridge.ts';
import { launchChromium } from './browser.ts';
import { serveRenderer } from './renderer-server.ts';
import { callerThrough, type SeededStore, seedLocalStore } from './seed-local-store.ts';
import { installTestBridge } from './test-bridge.ts';

export interface DesktopFixture {
  page: Page;
  /** The API as the page reaches it (the same IPC handler), for checking what was recorded. */
  call: ReturnType<typeof callerThrough>;
  seeded: SeededStore | null;
  /** Links handed to the system (the mail client). */
  opened: string[];
  sendCommand(command: DesktopCommand): Promise<void>;
  close(): Promise<void>;
}

/**
 * The renderer, built and served on loopback, in headless Chromium, its bridge forwarding to the
 * IPC handler over a real local-mode SQLite store in a temporary data folder — seeded through
 * the API unless `firstStart` asks for an untouched one.
 */
export async function openDesktop(options: { firstStart?: boolean } = {}): Promise<DesktopFixture> {
  const dataDir = tempDataDir();
  const connection: Connection = connectionIn(dataDir.path);
  await connection.restore();
  const opened: string[] = [];
  const handle = createIpcHandler({
    connection,
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  const call = callerThrough(handle);
  let seeded: SeededStore | null = null;
  if (!options.firstStart) {
    const local = await connection.chooseLocal('Ada Lovelace');
    seeded = await seedLocalStore(local, call);
  }

  const server = await serveRenderer();
  const browser: Browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1180, height: 780 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const bridge = await installTestBridge(page, handle);
  await page.goto(server.url);

  return {
    page,
    call,
    seeded,
    opened,
    sendCommand: bridge.sendCommand,
    close: async () => {
      await browser.close();
      await server.close();
      await connection.close();
      dataDir.remove();
      if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    },
  };
}
