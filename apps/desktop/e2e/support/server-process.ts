import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../../server', import.meta.url));

/**
 * The team's Steadfast server, started as `pnpm start` starts it (demo data in a fresh data
 * folder), for team mode to log in to. Resolves with its address once it listens.
 */
export function startTeamServer(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WORKER_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start:\n${log.join('')}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /Steadfast listening on (http:\/\/[^\s]+)/.exec(log.join(''));
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({ url: match[1], stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${log.join('')}`));
    });
  });
}
