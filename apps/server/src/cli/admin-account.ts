import { hashPassword } from '@steadfast/api';
import { findLoginCredentials, insertUser, setUserPasswordHash } from '@steadfast/db';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { ServerEnv } from '../env.ts';
import { openStore } from '../open-store.ts';

const adminInputSchema = z.object({
  email: z.email({ error: '--email must be an e-mail address' }),
  name: z.string().trim().min(1, '--name must not be empty'),
  password: z.string().min(12, 'the password must be at least 12 characters'),
});
export type AdminInput = z.output<typeof adminInputSchema>;

/** The admin to create, or every rule the options break (one message each). */
export function parseAdminInput(
  values: Record<string, string | undefined>,
): { ok: true; admin: AdminInput } | { ok: false; messages: string[] } {
  const input = adminInputSchema.safeParse(values);
  if (input.success) return { ok: true, admin: input.data };
  return { ok: false, messages: input.error.issues.map((issue) => issue.message) };
}

/**
 * Creates an admin in the configured store (migrating it first, never loading demo data), or
 * resets the password of the person with that e-mail address. Gives the line to print.
 */
export async function createOrResetAdmin(
  env: Pick<ServerEnv, 'dataDir' | 'databaseUrl'>,
  admin: AdminInput,
): Promise<string> {
  const now = () => new Date().toISOString();
  const { handle } = await openStore({ ...env, demoData: false }, { now, newId: uuidv7 });
  try {
    const passwordHash = await hashPassword(admin.password);
    const existing = await findLoginCredentials(handle.db, admin.email);
    if (existing !== undefined) {
      await setUserPasswordHash(handle.db, existing.userId, passwordHash);
      return `${admin.email} exists: its password was reset.`;
    }
    const id = uuidv7();
    await insertUser(handle.db, {
      id,
      name: admin.name,
      email: admin.email,
      role: 'admin',
      createdAt: now(),
    });
    await setUserPasswordHash(handle.db, id, passwordHash);
    return `Created admin ${admin.email} in ${handle.location}.`;
  } finally {
    await handle.close();
  }
}
