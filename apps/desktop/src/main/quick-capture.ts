import type { DesktopCommand } from '../shared/bridge.ts';

/** The part of Electron's globalShortcut that quick capture uses. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/**
 * Quick capture from anywhere: the global shortcut brings the window to the front and opens the
 * capture form, even while the person is in another app with the customer on the phone.
 * Gives back whether the shortcut could be taken (another app may hold it).
 */
export function registerQuickCapture(options: {
  shortcuts: ShortcutRegistry;
  accelerator: string;
  bringToFront: () => void;
  sendCommand: (command: DesktopCommand) => void;
}): { registered: boolean; unregister(): void } {
  const registered = options.shortcuts.register(options.accelerator, () => {
    options.bringToFront();
    options.sendCommand({ type: 'quick-capture' });
  });
  return {
    registered,
    unregister: () => {
      if (registered) options.shortcuts.unregister(options.accelerator);
    },
  };
}
