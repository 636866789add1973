import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQuickCaptureShortcut, fileSettingsStore, settingsFileName } from './settings.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadfast-settings-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('desktop settings', () => {
  it('is a first start while no settings file exists', () => {
    expect(fileSettingsStore(dataDir).read()).toEqual({ kind: 'first_start' });
  });

  it('keeps the mode chosen on first start for the next start, with the defaults filled in', () => {
    fileSettingsStore(dataDir).write({ mode: 'local', ownerName: '  Ada Lovelace ' });
    expect(fileSettingsStore(dataDir).read()).toEqual({
      kind: 'ready',
      settings: {
        mode: 'local',
        ownerName: 'Ada Lovelace',
        quickCaptureShortcut: defaultQuickCaptureShortcut,
        notifyAtRisk: true,
      },
    });
  });

  it('keeps a team server address without its trailing slash, readable only by this user', () => {
    const store = fileSettingsStore(dataDir);
    store.write({
      mode: 'team',
      serverUrl: 'https://steadfast.example.com/',
      email: 'ada@example.com',
    });
    const reading = store.read();
    expect(reading.kind === 'ready' && reading.settings).toMatchObject({
      mode: 'team',
      serverUrl: 'https://steadfast.example.com',
    });
    expect(statSync(join(dataDir, settingsFileName)).mode & 0o077).toBe(0);
  });

  it('refuses a server address that is not http(s), naming the field, and keeps nothing', () => {
    const store = fileSettingsStore(dataDir);
    expect(() =>
      store.write({ mode: 'team', serverUrl: 'ftp://files.example.com', email: 'ada@example.com' }),
    ).toThrow(/must be an http:\/\/ or https:\/\/ address/);
    expect(store.read()).toEqual({ kind: 'first_start' });
  });

  it('says why a settings file cannot be used instead of starting with half of it', () => {
    writeFileSync(
      join(dataDir, settingsFileName),
      JSON.stringify({ mode: 'local', ownerName: '' }),
    );
    expect(fileSettingsStore(dataDir).read()).toEqual({
      kind: 'unreadable',
      problem: 'ownerName: must not be empty',
    });
    writeFileSync(join(dataDir, settingsFileName), '{ not json');
    expect(fileSettingsStore(dataDir).read()).toEqual({
      kind: 'unreadable',
      problem: `${settingsFileName} is not valid JSON`,
    });
  });

  it('replaces the whole file when the mode changes, leaving no temporary file behind', () => {
    const store = fileSettingsStore(dataDir);
    store.write({ mode: 'local', ownerName: 'Ada' });
    store.write({ mode: 'team', serverUrl: 'http://127.0.0.1:3000', email: 'ada@example.com' });
    expect(JSON.parse(readFileSync(join(dataDir, settingsFileName), 'utf8'))).toEqual({
      mode: 'team',
      serverUrl: 'http://127.0.0.1:3000',
      email: 'ada@example.com',
      quickCaptureShortcut: defaultQuickCaptureShortcut,
      notifyAtRisk: true,
    });
  });
});
