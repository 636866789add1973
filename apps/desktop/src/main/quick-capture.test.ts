import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../shared/bridge.ts';
import { registerQuickCapture, type ShortcutRegistry } from './quick-capture.ts';

function fakeShortcuts(taken: string[] = []) {
  const held = new Map<string, () => void>();
  const registry: ShortcutRegistry = {
    register: (accelerator, callback) => {
      if (taken.includes(accelerator)) return false;
      held.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => {
      held.delete(accelerator);
    },
  };
  return { registry, held };
}

describe('quick capture', () => {
  it('brings the window to the front and opens capture when the global shortcut is pressed', () => {
    const { registry, held } = fakeShortcuts();
    const steps: string[] = [];
    const commands: DesktopCommand[] = [];
    const capture = registerQuickCapture({
      shortcuts: registry,
      accelerator: 'CommandOrControl+Shift+Space',
      bringToFront: () => steps.push('front'),
      sendCommand: (command) => {
        steps.push('command');
        commands.push(command);
      },
    });
    expect(capture.registered).toBe(true);
    held.get('CommandOrControl+Shift+Space')?.();
    expect(steps).toEqual(['front', 'command']);
    expect(commands).toEqual([{ type: 'quick-capture' }]);
    capture.unregister();
    expect(held.size).toBe(0);
  });

  it('says so when another app holds the shortcut, and frees nothing of theirs', () => {
    const { registry, held } = fakeShortcuts(['Alt+Space']);
    const capture = registerQuickCapture({
      shortcuts: registry,
      accelerator: 'Alt+Space',
      bringToFront: () => {},
      sendCommand: () => {},
    });
    expect(capture.registered).toBe(false);
    capture.unregister();
    expect(held.size).toBe(0);
  });
});
