#!/usr/bin/env node
// The whole test suite, as CI runs it: lint, typecheck, every package's tests (through turbo, so
// unchanged packages replay from cache), then one closing line summed from the runners' JSON
// reports: "N passed, N failed". An empty run is a failure, never a quiet success.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = [
  ...['apps', 'packages'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(root, group, entry.name))
      : [],
  ),
  join(root, 'bench'),
];

// Reports from an earlier run must not be counted again; turbo restores cached ones.
for (const dir of workspaces) rmSync(join(dir, '.reports'), { recursive: true, force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const lintStatus = run(bin('biome'), ['ci', '.']);
const turboStatus = run(bin('turbo'), [
  'run',
  'typecheck',
  'test',
  '--continue',
  // Two cores: more tasks at once only make each slower and the timings flaky.
  '--concurrency=2',
  '--output-logs=errors-only',
]);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of workspaces) {
  const packageJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (packageJson.scripts?.test === undefined) continue;
  const reportsDir = join(dir, '.reports');
  const reports = existsSync(reportsDir)
    ? readdirSync(reportsDir).filter((f) => f.endsWith('.json'))
    : [];
  if (reports.length === 0) missing.push(packageJson.name);
  for (const file of reports) {
    const report = JSON.parse(readFileSync(join(reportsDir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}

if (lintStatus !== 0)
  console.log('\nLint or format check failed (run `pnpm format` to fix formatting).');
if (missing.length > 0) console.log(`\nNo test report from: ${missing.join(', ')}`);
const ok =
  lintStatus === 0 && turboStatus === 0 && failed === 0 && missing.length === 0 && passed > 0;
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
