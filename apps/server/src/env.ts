import { resolve } from 'node:path';
import type { WebhookDeliverySettings } from '@steadfast/api';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Holds the SQLite file (and later backups). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .refine((url) => url.startsWith('postgres://') || url.startsWith('postgresql://'), {
      error: 'must be a postgres:// URL (leave it unset for SQLite in DATA_DIR)',
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to "false" to start with an empty store instead of demo data. */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** "true" behind a TLS-terminating proxy: X-Forwarded-Proto then marks cookies Secure. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** How often this instance looks for background jobs to claim (milliseconds; 0 turns it off). */
  WORKER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** How often every account's running promises are reviewed for risk (milliseconds). */
  RISK_SWEEP_EVERY_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(900_000),
  /**
   * The first wait before a failed webhook delivery is retried (milliseconds); later waits are
   * fixed multiples of it (5 s, 30 s, 2 min, 10 min, 1 h, … by default).
   */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
  /** Attempts at one webhook delivery before it is dead (a dead letter). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(9),
  /** How long a webhook receiver has to answer one attempt (milliseconds). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  demoData: boolean;
  trustProxy: boolean;
  workerIntervalMs: number;
  riskSweepEveryMs: number;
  webhooks: WebhookDeliverySettings;
}

/** The server's configuration, read once; a bad variable stops the start with its name and rule. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    demoData: env.DEMO_DATA === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    workerIntervalMs: env.WORKER_INTERVAL_MS,
    riskSweepEveryMs: env.RISK_SWEEP_EVERY_MS,
    webhooks: {
      retry: { baseMs: env.WEBHOOK_RETRY_BASE_MS, maxAttempts: env.WEBHOOK_MAX_ATTEMPTS },
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
  };
}
