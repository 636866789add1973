import { parseArgs } from 'node:util';
import { hashPassword } from '@steadfast/api';
import { findLoginCredentials, insertUser, setUserPasswordHash } from '@steadfast/db';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { readEnv } from '../env.ts';
import { openStore } from '../open-store.ts';

// First run: `pnpm create-admin --email you@company.example --name "Your Name"` with the
// password in STEADFAST_ADMIN_PASSWORD (kept out of the shell history) or --password.
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const input = z
  .object({
    email: z.email({ error: '--email must be an e-mail address' }),
    name: z.string().trim().min(1, '--name must not be empty'),
    password: z.string().min(12, 'the password must be at least 12 characters'),
  })
  .safeParse({ ...values, password: values.password ?? process.env.STEADFAST_ADMIN_PASSWORD });
if (!input.success) {
  console.error(input.error.issues.map((issue) => issue.message).join('\n'));
  process.exit(2);
}

const env = readEnv();
const now = () => new Date().toISOString();
const { handle } = await openStore({ ...env, demoData: false }, { now, newId: uuidv7 });
try {
  const { email, name, password } = input.data;
  const passwordHash = await hashPassword(password);
  const existing = await findLoginCredentials(handle.db, email);
  if (existing !== undefined) {
    await setUserPasswordHash(handle.db, existing.userId, passwordHash);
    console.log(`${email} exists: its password was reset.`);
  } else {
    const id = uuidv7();
    await insertUser(handle.db, { id, name, email, role: 'admin', createdAt: now() });
    await setUserPasswordHash(handle.db, id, passwordHash);
    console.log(`Created admin ${email} in ${handle.location}.`);
  }
} finally {
  await handle.close();
}
