import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Notification,
  session,
  shell,
} from 'electron';
import { uuidv7 } from 'uuidv7';
import { commandChannel, type DesktopCommand, invokeChannel } from '../shared/bridge.ts';
import { atRiskListThrough, createAtRiskNotifier } from './at-risk-notifier.ts';
import { createConnection } from './connection.ts';
import { withContentSecurityPolicy } from './content-security-policy.ts';
import { readEnv } from './env.ts';
import { createIpcHandler } from './ipc-handler.ts';
import { fileKnownAtRiskStore } from './known-at-risk-file.ts';
import { startLocalBackgroundWork } from './local-background-work.ts';
import type { LocalMode } from './local-mode.ts';
import { registerQuickCapture } from './quick-capture.ts';
import { defaultQuickCaptureShortcut, fileSettingsStore } from './settings.ts';
import { fileTeamSessionStore } from './team-session-file.ts';
import { isAppPage, isExternalLinkAllowed, secureWebPreferences } from './window-options.ts';

// The composition root: Electron glue only. Every decision lives in a module tested without Electron.
const env = readEnv();
const dataDir = env.dataDir ?? app.getPath('userData');
const now = () => new Date().toISOString();
const rendererIndex = join(__dirname, '../renderer/index.html');
const appUrl = `file://${rendererIndex}`;

const connection = createConnection({
  dataDir,
  settingsStore: fileSettingsStore(dataDir),
  teamSessions: fileTeamSessionStore(dataDir),
  fetch,
  now,
  newId: uuidv7,
  onInternalError: (error, operation) => console.error(operation.path, error),
});
const handleOperation = createIpcHandler({
  connection,
  openExternal: (url) => shell.openExternal(url),
  onInternalError: (error, operation) => console.error(operation.path, error),
});

let window: BrowserWindow | null = null;

function sendCommand(command: DesktopCommand): void {
  window?.webContents.send(commandChannel, command);
}

function bringToFront(): void {
  if (window === null) window = createWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function createWindow(): BrowserWindow {
  const created = new BrowserWindow({
    width: 1180,
    height: 780,
    minWidth: 760,
    minHeight: 520,
    title: 'Steadfast',
    backgroundColor: '#f7f6f2',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/preload.cjs')),
  });
  created.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault();
  });
  created.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  created.on('closed', () => {
    window = null;
  });
  void created.loadFile(rendererIndex);
  return created;
}

function startNotifier(): () => void {
  const notifier = createAtRiskNotifier({
    listAtRisk: async () =>
      connection.settings()?.notifyAtRisk === false ? [] : atRiskListThrough(handleOperation)(),
    notify: ({ title, body, promiseId }) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        bringToFront();
        if (promiseId !== null) sendCommand({ type: 'open-promise', promiseId });
      });
      notification.show();
    },
    known: fileKnownAtRiskStore(dataDir),
    formatDue: (instant) =>
      new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  });
  const poll = () => void notifier.poll().catch(console.error);
  const first = setTimeout(poll, 5_000);
  const timer = setInterval(poll, 60_000);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // Nothing the page asks for (camera, notifications from the page, …) is granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  await connection.restore();
  ipcMain.handle(invokeChannel, (event, operation: unknown) => {
    if (event.sender !== window?.webContents) return null;
    return handleOperation(operation);
  });
  window = createWindow();

  const shortcut = registerQuickCapture({
    shortcuts: globalShortcut,
    accelerator: connection.settings()?.quickCaptureShortcut ?? defaultQuickCaptureShortcut,
    bringToFront,
    sendCommand,
  });
  if (!shortcut.registered) console.warn('The quick-capture shortcut is taken by another app.');

  const stopNotifier = startNotifier();
  let background: ReturnType<typeof startLocalBackgroundWork> | null = null;
  const backgroundTimer = setInterval(() => {
    const backend = connection.backend();
    if (backend?.kind !== 'local' || background !== null) return;
    background = startLocalBackgroundWork({
      db: (backend as LocalMode).db,
      now,
      newId: uuidv7,
      everyMs: 30_000,
      riskSweepEveryMs: 15 * 60_000,
      onError: console.error,
    });
    void background.runRound();
  }, 2_000);

  app.on('activate', bringToFront);
  app.on('will-quit', () => {
    shortcut.unregister();
    stopNotifier();
    clearInterval(backgroundTimer);
    // Let a running round of background work finish before the store closes.
    void (background?.stop() ?? Promise.resolve()).then(() => connection.close());
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
