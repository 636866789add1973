import { z } from 'zod';
import { DomainError } from '../shared/domain-error.ts';
import { type Instant, idSchema } from '../shared/instant.ts';
import { type CharterTerm, charterTermInputSchema } from './charter-term.ts';
import { nextReviewAt } from './review-schedule.ts';

export const reviewEveryMonthsSchema = z
  .number({ error: 'must be a whole number of months' })
  .int('must be a whole number of months')
  .min(1, 'must be at least 1 month')
  .max(36, 'must be at most 36 months');

/** The content of a charter version: its terms, how often it is reviewed, and why it changed. */
export const charterRevisionSchema = z.object({
  terms: z
    .array(charterTermInputSchema)
    .min(1, 'must have at least one term')
    .max(50, 'must have at most 50 terms')
    .superRefine((terms, context) => {
      const seen = new Map<string, number>();
      terms.forEach((term, index) => {
        if (term.id === undefined) return;
        const first = seen.get(term.id);
        if (first === undefined) {
          seen.set(term.id, index);
          return;
        }
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `must not repeat the id of term ${first}: each term is carried over once`,
        });
      });
    }),
  reviewEveryMonths: reviewEveryMonthsSchema.default(6),
  changeNote: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .nullable()
    .default(null),
});
export type CharterRevision = z.output<typeof charterRevisionSchema>;

/**
 * Saving a new version of an account's charter. `expectedVersion` is the version the writer read
 * (0 when the account has no charter yet); anything else is a version conflict.
 */
export const saveCharterInputSchema = charterRevisionSchema.extend({
  accountId: idSchema,
  expectedVersion: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (no charter yet) or the version you read'),
});
export type SaveCharterInput = z.input<typeof saveCharterInputSchema>;
export type SaveCharterCommand = z.output<typeof saveCharterInputSchema>;

/** One version of an account's service charter, as agreed. A version is never changed once saved. */
export interface CharterVersion {
  accountId: string;
  version: number;
  terms: CharterTerm[];
  reviewEveryMonths: number;
  changeNote: string | null;
  createdAt: Instant;
  createdBy: string | null;
}

/** Which version of an account's charter is current, and when it was and is next reviewed. */
export interface CharterHead {
  accountId: string;
  currentVersion: number;
  /** When version 1 was saved. */
  createdAt: Instant;
  lastReviewedAt: Instant | null;
  nextReviewAt: Instant;
  updatedAt: Instant;
}

/** An account's charter: its head and its current version. */
export interface Charter {
  head: CharterHead;
  current: CharterVersion;
}

/**
 * Someone saved or reviewed the charter since the writer read it: a 409 naming the current
 * version (unknown only when a racing writer's row could not be read back).
 */
export function charterVersionConflict(
  currentVersion: number | undefined,
  expectedVersion: number,
): DomainError {
  const message =
    currentVersion === undefined
      ? `The charter was changed by someone else since version ${expectedVersion}: reload it and try again.`
      : currentVersion === 0
        ? `The account has no charter yet, not version ${expectedVersion}: use expectedVersion 0.`
        : `The charter is at version ${currentVersion}, not ${expectedVersion}: someone changed it since you read it.`;
  return new DomainError({
    code: 'version_conflict',
    kind: 'conflict',
    field: 'expectedVersion',
    message,
    details: currentVersion === undefined ? {} : { currentVersion },
  });
}

/** "Account 0190… has no service charter yet": a 404 on the account id. */
export function charterNotFound(accountId: string, field = 'accountId'): DomainError {
  return new DomainError({
    code: 'charter_not_found',
    kind: 'not_found',
    field,
    message: `Account ${accountId} has no service charter yet.`,
  });
}

interface RevisionStamp {
  now: Instant;
  actorId: string | null;
  /** The id a new term gets. */
  newTermId: () => string;
  /** The account's time zone: review dates fall on the same local day and time. */
  timeZone: string;
}

/**
 * A new version of an account's charter: the next version number, terms carried over by id
 * (new terms get new ids), and the next review moved to the new cadence. The old version is
 * untouched. A stale `expectedVersion` is a `version_conflict` naming the current version.
 */
export function reviseCharter(
  charter: Charter | null,
  revision: CharterRevision & { accountId: string; expectedVersion: number },
  stamp: RevisionStamp,
): { head: CharterHead; version: CharterVersion } {
  const currentVersion = charter?.head.currentVersion ?? 0;
  if (revision.expectedVersion !== currentVersion) {
    throw charterVersionConflict(currentVersion, revision.expectedVersion);
  }
  const carried = new Map(charter?.current.terms.map((term) => [term.id, term]) ?? []);
  const terms = revision.terms.map((term, index): CharterTerm => {
    const { id, ...rest } = term;
    if (id === undefined) return { id: stamp.newTermId(), ...rest };
    const before = carried.get(id);
    if (before === undefined) {
      throw new DomainError({
        code: 'term_not_found',
        kind: 'invalid',
        field: `terms.${index}.id`,
        message:
          charter === null
            ? 'must be left out: a first charter has no terms to carry over'
            : `must be the id of a term of version ${currentVersion} to carry it over (leave it out for a new term)`,
      });
    }
    // Its observations stay with the id, so it must go on measuring the same thing the same way.
    if (before.metric !== rest.metric || (before.target === null) !== (rest.target === null)) {
      throw new DomainError({
        code: 'term_changed_kind',
        kind: 'invalid',
        field: `terms.${index}.${before.metric === rest.metric ? 'target' : 'metric'}`,
        message: `must measure what the carried-over term measured (${before.metric}, ${
          before.target === null ? 'a quantity' : 'in business time'
        }): to measure something else, add a new term (leave out id)`,
      });
    }
    return { id, ...rest };
  });
  const version: CharterVersion = {
    accountId: revision.accountId,
    version: currentVersion + 1,
    terms,
    reviewEveryMonths: revision.reviewEveryMonths,
    changeNote: revision.changeNote,
    createdAt: stamp.now,
    createdBy: stamp.actorId,
  };
  const createdAt = charter?.head.createdAt ?? stamp.now;
  const lastReviewedAt = charter?.head.lastReviewedAt ?? null;
  const head: CharterHead = {
    accountId: revision.accountId,
    currentVersion: version.version,
    createdAt,
    lastReviewedAt,
    nextReviewAt: nextReviewAt(
      lastReviewedAt ?? createdAt,
      version.reviewEveryMonths,
      stamp.timeZone,
    ),
    updatedAt: stamp.now,
  };
  return { head, version };
}
