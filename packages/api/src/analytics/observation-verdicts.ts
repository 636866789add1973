import {
  type Db,
  findAccount,
  listCharteredAccountIds,
  listCharterVersions,
  listObservationsToJudge,
  setObservationVerdicts,
} from '@steadfast/db';
import {
  type AnalyticsSettings,
  type BusinessCalendar,
  type CharterObservation,
  type CharterVersion,
  instantMs,
  type ObservedAccount,
  observationVerdict,
} from '@steadfast/domain';
import { accountCalendar, loadAnalyticsSettings } from './analytics-settings.ts';

// Each observation keeps its verdict against the term as agreed when it happened, so the service
// gaps count verdicts instead of judging the window's observations on every request. A verdict
// depends on the charter's versions and the account's calendar: it is written when the
// observation is stored, and an account's are judged again when its charter gets a version or
// its calendar changes (the re-measure job).

/**
 * Judges observations just stored (not the duplicates) and stores their verdicts. Each account's
 * current charter and calendar came with the write; older versions are read only for an
 * observation that happened before the current version was saved.
 */
export async function judgeNewObservations(
  db: Db,
  stored: {
    observations: readonly CharterObservation[];
    accounts: ReadonlyMap<string, ObservedAccount>;
  },
): Promise<void> {
  const verdicts: { id: string; verdict: string }[] = [];
  const olderVersions = new Map<string, CharterVersion[]>();
  for (const observation of stored.observations) {
    const account = stored.accounts.get(observation.accountId);
    const current = account?.charter?.current;
    if (account === undefined || current === undefined) continue;
    let versions: readonly CharterVersion[] = [current];
    // The current version is in force from when it was saved; before that an older one may be.
    if (instantMs(observation.occurredAt) < instantMs(current.createdAt) && current.version > 1) {
      const all =
        olderVersions.get(observation.accountId) ??
        (await listCharterVersions(db, observation.accountId));
      olderVersions.set(observation.accountId, all);
      versions = all;
    }
    verdicts.push({
      id: observation.id,
      verdict: observationVerdict({ observation, versions, accountCalendar: account.calendar }),
    });
  }
  await setObservationVerdicts(db, verdicts);
}

/**
 * Judges every observation of one account again (after its charter got a version, or its calendar
 * changed) and stores the verdicts that changed. Bounded by the account's observations.
 */
export async function judgeAccountObservations(
  db: Db,
  options: { accountId: string; settings?: AnalyticsSettings | undefined },
): Promise<{ judged: number; changed: number }> {
  const account = await findAccount(db, options.accountId);
  if (account === undefined) return { judged: 0, changed: 0 };
  const settings = options.settings ?? (await loadAnalyticsSettings(db)).settings;
  const versions = await listCharterVersions(db, account.id);
  const observations = await listObservationsToJudge(db, account.id);
  const changed = judged(observations, versions, accountCalendar(account, settings));
  await setObservationVerdicts(db, changed);
  return { judged: observations.length, changed: changed.length };
}

function judged(
  observations: Awaited<ReturnType<typeof listObservationsToJudge>>,
  versions: readonly CharterVersion[],
  calendar: BusinessCalendar,
): { id: string; verdict: string }[] {
  return observations.flatMap((observation) => {
    const verdict = observationVerdict({ observation, versions, accountCalendar: calendar });
    return verdict === observation.verdict ? [] : [{ id: observation.id, verdict }];
  });
}

/**
 * Judges the observations of every account with a charter (after a bulk load, or for a store
 * whose observations were stored before verdicts were kept). A page of accounts at a time.
 */
export async function rebuildObservationVerdicts(db: Db): Promise<{ changed: number }> {
  const { settings } = await loadAnalyticsSettings(db);
  let changed = 0;
  let afterId: string | undefined;
  while (true) {
    const ids = await listCharteredAccountIds(db, { afterId, limit: 200 });
    if (ids.length === 0) return { changed };
    afterId = ids.at(-1);
    for (const accountId of ids) {
      changed += (await judgeAccountObservations(db, { accountId, settings })).changed;
    }
  }
}
