import { importKinds } from '@steadfast/api';
import { Command, Option } from 'commander';
import { readEnv } from '../env.ts';
import { createOrResetAdmin, parseAdminInput } from './admin-account.ts';
import { runBackupCommand } from './backup-command.ts';
import { CommandRefused } from './cli-store.ts';
import { runExportCommand } from './export-command.ts';
import { runImportCommand } from './import-command.ts';
import { runRestoreCommand } from './restore-command.ts';

// `pnpm steadfast <command>` (or the `steadfast` bin): the server and its chores, configured by
// the same variables as the server (DATA_DIR, DATABASE_URL, PORT, HOST, …).

/** Runs a command and sets the exit code: what a person must fix is printed plainly (2). */
function command<A extends unknown[]>(run: (...args: A) => Promise<number>) {
  return async (...args: A) => {
    try {
      process.exitCode = await run(...args);
    } catch (error) {
      if (!(error instanceof CommandRefused)) throw error;
      console.error(error.message);
      process.exitCode = 2;
    }
  };
}

const kindOption = () =>
  new Option('--kind <kind>', 'what the CSV holds').choices(importKinds).makeOptionMandatory();

const program = new Command('steadfast')
  .description(
    'Steadfast: keep the promises made to customers. Configured by DATA_DIR, DATABASE_URL, PORT, HOST.',
  )
  .showHelpAfterError();

program
  .command('start')
  .description('start the server (as `pnpm start`): tRPC, REST, the web admin, background work')
  .action(async () => {
    await import('../main.ts');
  });

program
  .command('create-admin')
  .description('create an admin, or reset the password of an existing one')
  .requiredOption('--email <email>', 'their e-mail address (the login)')
  .requiredOption('--name <name>', 'their name')
  .option('--password <password>', 'at least 12 characters; better: STEADFAST_ADMIN_PASSWORD')
  .action(
    command(async (options: { email: string; name: string; password?: string }) => {
      const input = parseAdminInput({
        ...options,
        password: options.password ?? process.env.STEADFAST_ADMIN_PASSWORD,
      });
      if (!input.ok) throw new CommandRefused(input.messages.join('\n'));
      console.log(await createOrResetAdmin(readEnv(), input.admin));
      return 0;
    }),
  );

program
  .command('import')
  .description(
    'import accounts or promise history from CSV: all rows or none; exit 1 if any is rejected',
  )
  .argument('<file>', 'the CSV file (header line first)')
  .addOption(kindOption())
  .option('--dry-run', 'check every row and report, writing nothing', false)
  .option('--as <email>', 'the admin importing (needed when there are several)')
  .option(
    '--with-accounts <file>',
    'with --kind promises: import this accounts CSV first, in the same transaction',
  )
  .action(
    command(
      (
        file: string,
        options: {
          kind: (typeof importKinds)[number];
          dryRun: boolean;
          as?: string;
          withAccounts?: string;
        },
      ) => runImportCommand(readEnv(), { file, ...options }),
    ),
  );

program
  .command('export')
  .description('export every account or promise as CSV (the columns import reads)')
  .addOption(kindOption())
  .option('--out <file>', 'write to this file instead of stdout')
  .action(
    command((options: { kind: (typeof importKinds)[number]; out?: string }) =>
      runExportCommand(readEnv(), options),
    ),
  );

program
  .command('backup')
  .description("copy the SQLite store with SQLite's online backup (safe while the server runs)")
  .argument('<file>', 'where to write the backup (must not exist)')
  .action(command((file: string) => runBackupCommand(readEnv(), { file })));

program
  .command('restore')
  .description('replace the SQLite store with a backup (stop the server first)')
  .argument('<file>', 'a file made by `steadfast backup`')
  .action(command((file: string) => runRestoreCommand(readEnv(), { file })));

await program.parseAsync(process.argv);
