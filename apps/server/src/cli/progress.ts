import { Presets, SingleBar } from 'cli-progress';

/** How long work tells where it is: a bar on a terminal, a line per tenth otherwise (logs, CI). */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Progress of `label` counted in `unit`, written to stderr so stdout stays the command's output. */
export function progressOn(
  label: string,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}`,
        stream,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
          return;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let tenthsShown = -1;
  return {
    update(done, total) {
      const tenths = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenths <= tenthsShown) return;
      tenthsShown = tenths;
      stream.write(`${label}: ${done}/${total} ${unit}\n`);
    },
    stop: () => {},
  };
}
