import { uuidv7 } from 'uuidv7';
import { startBackgroundWorker } from './background-worker.ts';
import { readEnv } from './env.ts';
import { buildHttpServer } from './http-server.ts';
import { openStore } from './open-store.ts';

const env = readEnv();
const now = () => new Date().toISOString();
const { handle, demo } = await openStore(env, { now, newId: uuidv7 });
const server = buildHttpServer({
  db: handle.db,
  now,
  newId: uuidv7,
  logLevel: env.logLevel,
  trustProxy: env.trustProxy,
});

if (demo !== null) {
  server.log.info(demo, 'Loaded demo data into the empty store');
}
const address = await server.listen({ port: env.port, host: env.host });
const worker = startBackgroundWorker({
  db: handle.db,
  now,
  newId: uuidv7,
  intervalMs: env.workerIntervalMs,
  riskSweepEveryMs: env.riskSweepEveryMs,
  webhooks: env.webhooks,
  log: server.log,
});
server.log.info(
  `Steadfast listening on ${address} (web admin at ${address}/, tRPC at ${address}/trpc) with data in ${handle.location}`,
);

async function shutdown(signal: string): Promise<void> {
  server.log.info(`${signal}: closing`);
  await worker.stop();
  await server.close();
  await handle.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
