// Loaded with `--import` (NODE_OPTIONS refuses --cpu-prof): profiles this process until exit and
// writes a .cpuprofile (Chrome DevTools format) into CPU_PROFILE_DIR. From the start, or with
// CPU_PROFILE_ON_SIGNAL=1 from the first SIGUSR2 (so that start-up and warm-up are left out).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir !== undefined) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  if (process.env.CPU_PROFILE_ON_SIGNAL === '1') {
    process.once('SIGUSR2', () => session.post('Profiler.start'));
  } else {
    session.post('Profiler.start');
  }
  // A same-thread inspector session answers synchronously, so this works in an exit handler.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error === null) {
        writeFileSync(
          join(dir, `server-${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      }
    });
  });
}
