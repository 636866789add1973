import cliProgress from 'cli-progress';

/** Progress of one phase: a bar on a terminal, a line every few seconds otherwise. */
export interface PhaseProgress {
  tick(done: number): void;
  stop(): void;
}

export function phaseProgress(options: {
  name: string;
  total: number;
  unit: string;
  log(message: string): void;
}): PhaseProgress {
  const started = performance.now();
  const rate = (done: number) =>
    Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${options.name.padEnd(14)} {bar} {percentage}% | {value}/{total} ${options.unit} | {rate}/s | {duration_formatted}`,
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total, 0, { rate: 0 });
    return {
      tick: (done) => bar.update(done, { rate: rate(done) }),
      stop: () => bar.stop(),
    };
  }
  let last = started;
  let latest = 0;
  const line = (done: number) =>
    options.log(
      `${options.name}: ${done.toLocaleString('en-US')}/${options.total.toLocaleString('en-US')} ${options.unit} (${rate(done).toLocaleString('en-US')}/s)`,
    );
  return {
    tick: (done) => {
      latest = done;
      const now = performance.now();
      if (now - last < 5000) return;
      last = now;
      line(done);
    },
    stop: () => {
      line(latest);
      options.log(
        `${options.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  };
}
