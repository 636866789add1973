// Loaded into the server child with NODE_OPTIONS=--import (Node 20 refuses --cpu-prof there):
// profiles the whole process and writes a .cpuprofile into INGEST_CPU_PROFILE_DIR when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.INGEST_CPU_PROFILE_DIR;
if (folder) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The inspector answers synchronously on the main thread, so this works in an `exit` handler.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(
        join(folder, `server-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  });
}
