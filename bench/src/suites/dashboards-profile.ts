/**
 * Profiles one dashboard procedure on a generated store, for the evidence behind a figure:
 *   npx tsx src/suites/dashboards-profile.ts STORE.sqlite 'portfolio.serviceGaps' [calls] [OUT]
 * profiles the timed calls alone (after a warm-up) into OUT.cpuprofile when OUT is given; then
 * `node src/suites/cpu-profile-summary.mjs OUT.cpuprofile` lists the top functions by self time.
 * The store is copied first (migrated, its rollups and observation verdicts rebuilt) and never written; with PROFILE_IN_PLACE=1 it is read where it lies
 * (a copy already migrated and rebuilt, e.g. by an earlier run: a 1M store is gigabytes).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rebuildObservationVerdicts } from '@steadfast/api';
import { migrateToLatest, openDatabase, rebuildDashboardRollups } from '@steadfast/db';
import { benchLeader, HISTORY_NOW } from '../history/fixture.ts';
import { dashboardCall, leaderCallerOn, takeTrustSnapshot } from './dashboards.ts';

const [store, name, callsText, out] = process.argv.slice(2);
if (store === undefined || name === undefined) {
  console.error('usage: dashboards-profile.ts STORE.sqlite PROCEDURE [calls]');
  process.exit(2);
}
const inPlace = process.env.PROFILE_IN_PLACE === '1';
const folder = mkdtempSync(join(tmpdir(), 'steadfast-profile-'));
const file = inPlace ? store : join(folder, 'store.sqlite');
if (!inPlace) copyFileSync(store, file);
const handle = openDatabase({ kind: 'sqlite', file });
try {
  if (!inPlace) {
    await migrateToLatest(handle.db);
    await rebuildDashboardRollups(handle.db);
    await rebuildObservationVerdicts(handle.db);
    await takeTrustSnapshot(handle);
  }
  const caller = await leaderCallerOn(handle, { email: benchLeader.email, now: HISTORY_NOW });
  const call = dashboardCall(name);
  const calls = Number(callsText ?? 50);
  for (let i = 0; i < 3; i += 1) await call(caller);
  const session = new Session();
  if (out !== undefined) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) await call(caller);
  if (out !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `${name}: ${((performance.now() - started) / calls).toFixed(2)} ms a call (${calls})`,
  );
} finally {
  await handle.close();
  rmSync(folder, { recursive: true, force: true });
}
