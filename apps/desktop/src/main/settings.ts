import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const settingsFileName = 'settings.json';

/** The global shortcut that opens quick capture from anywhere, unless the person changed it. */
export const defaultQuickCaptureShortcut = 'CommandOrControl+Shift+Space';

const modeSchema = z.discriminatedUnion('mode', [
  /** Local mode: the API runs in this app over a SQLite file in the data folder; no server. */
  z.object({
    mode: z.literal('local'),
    ownerName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters'),
  }),
  /** Team mode: a Steadfast server the person logs in to. */
  z.object({
    mode: z.literal('team'),
    serverUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
      .transform((url) => url.replace(/\/+$/, '')),
    email: z.email({ error: 'must be an e-mail address' }),
  }),
]);

/** What the desktop app remembers between starts: the mode chosen on first start, and a few choices. */
export const desktopSettingsSchema = z.intersection(
  modeSchema,
  z.object({
    quickCaptureShortcut: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(60, 'must be at most 60 characters')
      .default(defaultQuickCaptureShortcut),
    /** Desktop notifications when a promise newly turns at risk. */
    notifyAtRisk: z.boolean().default(true),
  }),
);
export type DesktopSettingsInput = z.input<typeof desktopSettingsSchema>;
export type DesktopSettings = z.output<typeof desktopSettingsSchema>;

/**
 * What the settings file says: nothing yet (first start), settings, or a file that cannot be used
 * (then the person chooses again, told why).
 */
export type SettingsReading =
  | { kind: 'first_start' }
  | { kind: 'ready'; settings: DesktopSettings }
  | { kind: 'unreadable'; problem: string };

export interface SettingsStore {
  read(): SettingsReading;
  /** Validates and keeps the settings; a bad value throws the zod error naming the field. */
  write(settings: DesktopSettingsInput): DesktopSettings;
}

function problemOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`)
    .join('; ');
}

/** Settings kept as JSON in the app's data folder, written whole (a rename) so a crash never halves them. */
export function fileSettingsStore(dataDir: string): SettingsStore {
  const file = join(dataDir, settingsFileName);
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'first_start' };
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { kind: 'unreadable', problem: `${settingsFileName} is not valid JSON` };
      }
      const parsed = desktopSettingsSchema.safeParse(json);
      return parsed.success
        ? { kind: 'ready', settings: parsed.data }
        : { kind: 'unreadable', problem: problemOf(parsed.error) };
    },
    write(input) {
      const settings = desktopSettingsSchema.parse(input);
      mkdirSync(dataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      return settings;
    },
  };
}
