import { z } from 'zod';

const envSchema = z.object({
  /** Where settings and the local SQLite file live; defaults to Electron's per-user data folder. */
  STEADFAST_DATA_DIR: z.string().min(1, 'must not be empty').optional(),
});

export interface DesktopEnv {
  dataDir: string | undefined;
}

/** The only reader of the environment in the main process; a bad value stops the start, named. */
export function readEnv(environment: Record<string, string | undefined> = process.env): DesktopEnv {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Bad environment: ${problems.join('; ')}`);
  }
  return { dataDir: parsed.data.STEADFAST_DATA_DIR };
}
