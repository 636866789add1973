/**
 * The fixed facts of the generated history that benches need to know: the reference "now" its
 * events run up to, the seed, and how to log in.
 */

/** Bump whenever what the generator writes changes: cached stores of older versions are ignored. */
export const GENERATOR_VERSION = 3;

/** The seed every history is generated from (the same seed, the same store). */
export const HISTORY_SEED = 20_261_124;

/**
 * The instant the history runs up to. Fixed, so the store is the same on every run; the server
 * runs with the real clock, so dashboard windows ("last 90 days") are relative to a now that is
 * close to this one (benchmarks run near it) rather than equal to it.
 */
export const HISTORY_NOW = '2026-11-24T12:00:00.000Z';
export const HISTORY_NOW_MS = Date.parse(HISTORY_NOW);

/** How far back promises reach: about three years. */
export const HISTORY_YEARS = 3;

/** Every generated person logs in with this password. */
export const HISTORY_PASSWORD = 'steadfast-bench';

export const benchLeader = { email: 'bench.leader@steadfast.bench', password: HISTORY_PASSWORD };
export const benchAdmin = { email: 'bench.admin@steadfast.bench', password: HISTORY_PASSWORD };

/**
 * An integration token with every scope, stored as the app stores tokens (SHA-256 of the secret).
 * Present it as `Authorization: Bearer <presented>`.
 */
export const benchTokenId = '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
export const benchTokenSecret = 'c3RlYWRmYXN0LWJlbmNoLXRva2VuLXNlY3JldC0wMDE';
export const benchToken = {
  id: benchTokenId,
  presented: `sf_${benchTokenId}_${benchTokenSecret}`,
};

/**
 * HISTORY_PASSWORD hashed once by the app's own `hashPassword` (argon2id, its cost). Kept as a
 * constant because a fresh hash has a fresh salt, and the store must be the same on every run;
 * the test checks that the app's `verifyPassword` accepts it.
 */
export const HISTORY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$oy6jMtqhOHfT776bpaN+OQ$MFbXCigdlXF35S7GvJQLp3u4L0ZD63f8euge0WvF4vU';
