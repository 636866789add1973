import { parseArgs } from 'node:util';
import { readEnv } from '../env.ts';
import { createOrResetAdmin, parseAdminInput } from './admin-account.ts';

// First run: `pnpm create-admin --email you@company.example --name "Your Name"` with the
// password in STEADFAST_ADMIN_PASSWORD (kept out of the shell history) or --password.
// The same as `pnpm steadfast create-admin …`.
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const input = parseAdminInput({
  ...values,
  password: values.password ?? process.env.STEADFAST_ADMIN_PASSWORD,
});
if (!input.ok) {
  console.error(input.messages.join('\n'));
  process.exit(2);
}
console.log(await createOrResetAdmin(readEnv(), input.admin));
