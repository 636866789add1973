import type { Page } from 'playwright-core';
import type { BridgeResponse, DesktopCommand } from '../../src/shared/bridge.ts';

/**
 * Gives the page the same `window.steadfast` bridge the preload gives it in Electron, forwarding
 * every operation to the real IPC handler running in this Node process. `sendCommand` plays the
 * main process's part (the global shortcut, a notification clicked).
 */
export async function installTestBridge(
  page: Page,
  handle: (message: unknown) => Promise<BridgeResponse>,
): Promise<{ sendCommand(command: DesktopCommand): Promise<void> }> {
  await page.exposeFunction('__steadfastInvoke', (operation: unknown) => handle(operation));
  await page.addInitScript(() => {
    type Listener = (command: unknown) => void;
    const listeners = new Set<Listener>();
    const testWindow = globalThis as unknown as {
      __steadfastInvoke: (operation: unknown) => Promise<unknown>;
      __steadfastCommand: (command: unknown) => void;
      steadfast: unknown;
    };
    testWindow.__steadfastCommand = (command) => {
      for (const listener of listeners) listener(command);
    };
    testWindow.steadfast = Object.freeze({
      invoke: (operation: unknown) => testWindow.__steadfastInvoke(operation),
      onCommand: (listener: Listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
  });
  return {
    sendCommand: (command) =>
      page.evaluate((sent) => {
        (globalThis as unknown as { __steadfastCommand: (c: unknown) => void }).__steadfastCommand(
          sent,
        );
      }, command),
  };
}
