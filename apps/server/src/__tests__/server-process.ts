import { type ChildProcess, spawn } from 'node:child_process';

const serverDir = new URL('../..', import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts the real server as a child process, as `pnpm start` does, and waits (at most
 * `startTimeoutMs`) for its address. Other packages' end-to-end tests use it too
 * (`@steadfast/server/testing`).
 */
export function startServerProcess(
  env: Record<string, string>,
  { startTimeoutMs = 60_000 }: { startTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${log.join('')}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /Steadfast listening on (http:\/\/[^\s]+)/.exec(log.join(''));
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1], log, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log.join('')}`));
    });
  });
}
