import { cpus, totalmem } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { type BenchContext, type BenchFigure, fullScale, scaled } from './figure.ts';
import { ensureHistory } from './history/fixture.ts';
import { formatTable, writeResults } from './results.ts';
import { suites } from './suites.ts';

function positiveFraction(value: string): number {
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1)
    throw new InvalidArgumentError('must be a number in (0, 1], e.g. 0.01 for a hundredth');
  return factor;
}

const program = new Command('bench')
  .description(
    'Generates realistic history (cached under bench/.data) and measures Steadfast beside same-run baselines.',
  )
  .option(
    '--scale <factor>',
    'fraction of the full history (10k accounts, 1M promises, 5M events, 1M observations)',
    positiveFraction,
    1,
  )
  .option('--suites <names>', `comma-separated suites (${suites.map((s) => s.name).join(', ')})`)
  .option(
    '--results <file>',
    'where the figures are written',
    new URL('../results.json', import.meta.url).pathname,
  )
  // `pnpm --filter @steadfast/bench bench -- --suites …` passes the `--` on: skip it.
  .parse(process.argv.filter((argument, index) => !(index === 2 && argument === '--')));

const options = program.opts<{ scale: number; suites?: string; results: string }>();
const chosen =
  options.suites === undefined
    ? suites
    : suites.filter((suite) => options.suites?.split(',').includes(suite.name));
if (chosen.length === 0) {
  console.error(`No such suite: ${options.suites}. Known: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const scale = scaled(fullScale, options.scale);
const context: BenchContext = {
  scale,
  history: (wanted) => ensureHistory(wanted, { log: context.log }),
  log: (message) => process.stderr.write(`${message}\n`),
};

const figures: BenchFigure[] = [];
for (const suite of chosen) {
  context.log(`\n== ${suite.name} ==`);
  const measured = await suite.run(context);
  figures.push(...measured);
  console.log(`\n${formatTable(measured)}`);
}

console.log(`\nAll figures (scale ${options.scale}):\n${formatTable(figures)}`);
writeResults(options.results, {
  measuredAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  },
  scale,
  figures,
});
console.log(`\nWritten to ${options.results}`);
const unmet = figures.filter((figure) => !figure.goal.met).length;
console.log(`${figures.length} figures, ${figures.length - unmet} goals met, ${unmet} not met`);
