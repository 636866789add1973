import { execFileSync } from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeResponse } from '../shared/bridge.ts';
import { tempDataDir } from './__tests__/temp-data-dir.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { defaultQuickCaptureShortcut } from './settings.ts';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
type Handler = (...args: unknown[]) => unknown;

/** Just enough of Electron for main.cjs to start, recording what it asked for. */
function fakeElectron(dataDir: string) {
  const seen = {
    windows: [] as {
      options: { webPreferences: Record<string, unknown> };
      loaded: string | null;
      webContents: object;
    }[],
    ipc: new Map<string, Handler>(),
    appEvents: new Map<string, Handler>(),
    headersHook: null as Handler | null,
    shortcuts: [] as string[],
  };
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  class BrowserWindow {
    webContents = { on: () => {}, setWindowOpenHandler: () => {}, send: () => {} };
    record: (typeof seen.windows)[number];
    constructor(options: (typeof seen.windows)[number]['options']) {
      this.record = { options, loaded: null, webContents: this.webContents };
      seen.windows.push(this.record);
    }
    on() {}
    loadFile(path: string) {
      this.record.loaded = path;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
  }
  const electron = {
    app: {
      getPath: () => dataDir,
      whenReady: () => whenReady,
      on: (event: string, handler: Handler) => seen.appEvents.set(event, handler),
      quit: () => {},
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => seen.ipc.set(channel, handler) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (hook: Handler) => (seen.headersHook = hook) },
        setPermissionRequestHandler: () => {},
      },
    },
    globalShortcut: {
      register: (accelerator: string) => seen.shortcuts.push(accelerator) > 0,
      unregister: () => {},
    },
    Notification: { isSupported: () => false },
    shell: { openExternal: async () => {} },
  };
  return { electron, seen, ready: () => ready() };
}

let dataDir: ReturnType<typeof tempDataDir>;
let fake: ReturnType<typeof fakeElectron>;
const originalLoad = (Module as unknown as { _load: Handler })._load;

beforeAll(() => {
  execFileSync(process.execPath, [join(appDir, 'scripts/build.mjs')], {
    cwd: appDir,
    stdio: 'pipe',
  });
  dataDir = tempDataDir();
  fake = fakeElectron(dataDir.path);
  // main.cjs requires 'electron': hand it the fake; everything else loads as usual.
  (Module as unknown as { _load: Handler })._load = function load(
    request: unknown,
    ...rest: unknown[]
  ) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, ...rest);
  };
}, 120_000);

afterAll(async () => {
  fake?.seen.appEvents.get('will-quit')?.();
  (Module as unknown as { _load: Handler })._load = originalLoad;
  await new Promise((resolve) => setTimeout(resolve, 200));
  dataDir?.remove();
});

describe('the built main process (dist/main/main.cjs)', () => {
  it('opens a locked-down window, sets the CSP, takes the shortcut and answers the one IPC channel with the real API', async () => {
    createRequire(import.meta.url)(join(appDir, 'dist/main/main.cjs'));
    fake.ready();
    await expect.poll(() => fake.seen.windows.length).toBe(1);

    const [window] = fake.seen.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(appDir, 'dist/preload/preload.cjs'),
    });
    expect(window?.loaded).toBe(join(appDir, 'dist/renderer/index.html'));
    expect(fake.seen.shortcuts).toEqual([defaultQuickCaptureShortcut]);
    let headers: unknown;
    fake.seen.headersHook?.({ responseHeaders: {} }, (answer: unknown) => {
      headers = answer;
    });
    expect(headers).toEqual({
      responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] },
    });

    const invoke = fake.seen.ipc.get('steadfast:invoke');
    if (invoke === undefined) throw new Error('main.cjs registered no handler on steadfast:invoke');
    const fromWindow = { sender: window?.webContents };
    const call = async (operation: object) =>
      (await invoke(fromWindow, operation)) as BridgeResponse;

    expect(await call({ id: 1, type: 'query', path: 'account.list', input: {} })).toMatchObject({
      error: { data: { httpStatus: 412 } },
    });
    expect(
      await call({
        id: 2,
        type: 'mutation',
        path: 'desktop.chooseLocal',
        input: { ownerName: 'Ada' },
      }),
    ).toMatchObject({ result: { data: { mode: 'local', signedIn: true } } });
    expect(await call({ id: 3, type: 'query', path: 'auth.me', input: undefined })).toMatchObject({
      result: { data: { name: 'Ada', role: 'account_manager' } },
    });
    // Only the app's own window may use the channel.
    expect(await invoke({ sender: {} }, { id: 4, type: 'query', path: 'auth.me' })).toBeNull();
  });
});
