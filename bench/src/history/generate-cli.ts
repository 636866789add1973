// `pnpm --filter @steadfast/bench history [--scale 0.01]`: generates (or finds) the cached history
// store of that scale and prints its path, without running any suite.
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { fullScale, scaled } from '../figure.ts';
import { ensureHistory } from './fixture.ts';

const program = new Command('history')
  .description('Generates the deterministic benchmark history (cached under bench/.data).')
  .option(
    '--scale <factor>',
    'fraction of the full history (10k accounts, 1M promises, 5M events, 1M observations)',
    (value: string) => {
      const factor = Number(value);
      if (!Number.isFinite(factor) || factor <= 0 || factor > 1)
        throw new InvalidArgumentError('must be a number in (0, 1], e.g. 0.01 for a hundredth');
      return factor;
    },
    1,
  )
  .parse();

const { scale } = program.opts<{ scale: number }>();
const started = performance.now();
const file = await ensureHistory(scaled(fullScale, scale), {
  log: (message) => process.stderr.write(`${message}\n`),
});
const { size } = await stat(file);
console.log(
  `${file} (${(size / 2 ** 20).toFixed(1)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
