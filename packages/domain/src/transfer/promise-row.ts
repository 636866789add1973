import { z } from 'zod';
import { type InformChannel, informChannels } from '../promise/promise-event.ts';
import { closedStatuses, type PromiseStatus, promiseStatuses } from '../promise/promise-state.ts';
import {
  type Due,
  dueDeadline,
  type Importance,
  importanceLevels,
  type PromiseKind,
  promiseKinds,
} from '../promise/promise-terms.ts';
import { type Instant, instantMs, instantSchema } from '../shared/instant.ts';
import { externalIdSchema } from './account-row.ts';
import {
  type CsvRecord,
  presentCells,
  type RowRejection,
  rejectionsFrom,
  requiredError,
} from './csv-row.ts';

/**
 * The columns of a promise history CSV, in the order an export writes them. `status` says how it
 * ended (or that it is still running), `closed_at` when; `result` (export only) is its outcome.
 */
export const promiseCsvColumns = [
  'external_id',
  'account',
  'owner_email',
  'kind',
  'what',
  'details',
  'importance',
  'made_at',
  'due_at',
  'due_earliest',
  'due_latest',
  'condition',
  'condition_met_at',
  'status',
  'closed_at',
  'note',
  'informed_at',
  'informed_channel',
  'apologised',
  'result',
] as const;

/** Columns a promise history CSV must have; the others may be left out. */
export const requiredPromiseColumns = [
  'account',
  'owner_email',
  'kind',
  'what',
  'made_at',
] as const;

const optionalInstant = instantSchema.optional().transform((value) => value ?? null);
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => value ?? null);

const promiseRowSchema = z.object({
  external_id: externalIdSchema,
  account: z
    .string({ error: requiredError('must be text') })
    .max(200, 'must be at most 200 characters'),
  owner_email: z.email({ error: requiredError('must be an e-mail address') }),
  kind: z.enum(promiseKinds, { error: requiredError(`must be one of ${promiseKinds.join(', ')}`) }),
  what: z
    .string({ error: requiredError('must be text') })
    .max(200, 'must be at most 200 characters'),
  details: optionalText(4000),
  importance: z
    .enum(importanceLevels, { error: `must be one of ${importanceLevels.join(', ')}` })
    .default('normal'),
  made_at: z.string({ error: requiredError('must be text') }).pipe(instantSchema),
  due_at: optionalInstant,
  due_earliest: optionalInstant,
  due_latest: optionalInstant,
  condition: optionalText(500),
  condition_met_at: optionalInstant,
  status: z
    .enum(promiseStatuses, { error: `must be one of ${promiseStatuses.join(', ')}` })
    .default('open'),
  closed_at: optionalInstant,
  note: optionalText(1000),
  informed_at: optionalInstant,
  informed_channel: z
    .enum(informChannels, { error: `must be one of ${informChannels.join(', ')}` })
    .default('email'),
  apologised: z
    .enum(['yes', 'no'], { error: 'must be yes or no' })
    .default('no')
    .transform((value) => value === 'yes'),
});

type PromiseRowCells = z.output<typeof promiseRowSchema>;

/** How an imported promise ended: still running, or closed at a moment with a note. */
export type PromiseRowEnding =
  | { status: 'running' }
  | {
      status: Exclude<PromiseStatus, 'open' | 'awaiting_condition'>;
      at: Instant;
      note: string | null;
    };

/** A promise's history as one CSV row tells it; account and owner are still names to look up. */
export interface PromiseRow {
  externalId: string | null;
  /** The account's external id, or its name. */
  account: string;
  ownerEmail: string;
  kind: PromiseKind;
  title: string;
  details: string | null;
  importance: Importance;
  madeAt: Instant;
  due: Due;
  condition: string | null;
  conditionMetAt: Instant | null;
  ending: PromiseRowEnding;
  informed: { at: Instant; channel: InformChannel; apologised: boolean } | null;
}

const after = (later: Instant, earlier: Instant) => instantMs(later) > instantMs(earlier);

/** The due the row gives: a point (`due_at`) or a window (`due_earliest`–`due_latest`), not both. */
function dueOf(cells: PromiseRowCells, issue: (field: string, rule: string) => void): Due | null {
  const { due_at: at, due_earliest: earliest, due_latest: latest } = cells;
  if (at !== null) {
    if (earliest !== null || latest !== null)
      issue('due_at', 'give either due_at or due_earliest and due_latest, not both');
    return { kind: 'point', at };
  }
  if (earliest === null && latest === null) {
    issue('due_at', 'is required (or due_earliest and due_latest for a window)');
    return null;
  }
  if (earliest === null) issue('due_earliest', 'is required with due_latest');
  if (latest === null) issue('due_latest', 'is required with due_earliest');
  if (earliest === null || latest === null) return null;
  if (after(earliest, latest)) issue('due_latest', 'must not be before due_earliest');
  return { kind: 'window', earliest, latest };
}

/** Reads the row's rules that span cells: order in time, and what each ending needs. */
function rowFrom(cells: PromiseRowCells, now: Instant) {
  const issues: { field: string; rule: string }[] = [];
  const issue = (field: string, rule: string) => issues.push({ field, rule });
  const madeAt = cells.made_at;
  const due = dueOf(cells, issue);
  if (due !== null && !after(dueDeadline(due), madeAt))
    issue(due.kind === 'point' ? 'due_at' : 'due_latest', 'must lie after made_at');
  const closed = closedStatuses.includes(cells.status);
  if (closed && cells.closed_at === null)
    issue('closed_at', `is required when status is ${cells.status}`);
  if (!closed && cells.closed_at !== null)
    issue('closed_at', `must be empty while status is ${cells.status}`);
  if ((cells.status === 'cancelled' || cells.status === 'released') && cells.note === null)
    issue('note', `is required when status is ${cells.status} (the reason)`);
  if (cells.condition === null && cells.condition_met_at !== null)
    issue('condition_met_at', 'needs a condition');
  const moments = [
    ['made_at', madeAt],
    ['condition_met_at', cells.condition_met_at],
    ['informed_at', cells.informed_at],
    ['closed_at', cells.closed_at],
  ] as const;
  for (const [field, moment] of moments) {
    if (moment === null) continue;
    if (after(moment, now)) issue(field, `must not be in the future (it is now ${now})`);
    if (field !== 'made_at' && after(madeAt, moment)) issue(field, 'must not be before made_at');
  }
  if (
    cells.closed_at !== null &&
    cells.condition_met_at !== null &&
    after(cells.condition_met_at, cells.closed_at)
  )
    issue('condition_met_at', 'must not be after closed_at');
  return { issues, due };
}

/**
 * Reads one promise history CSV record: the promise and how it ended, or every cell that breaks
 * a rule. `now` is when the import runs: nothing in a history lies after it.
 */
export function parsePromiseRow(
  record: CsvRecord,
  context: { row: number; now: Instant },
): { ok: true; promise: PromiseRow } | { ok: false; rejections: RowRejection[] } {
  const { row, now } = context;
  const parsed = promiseRowSchema.safeParse(presentCells(record));
  if (!parsed.success) return { ok: false, rejections: rejectionsFrom(row, parsed.error.issues) };
  const cells = parsed.data;
  const { issues, due } = rowFrom(cells, now);
  if (issues.length > 0 || due === null)
    return { ok: false, rejections: issues.map((found) => ({ row, ...found })) };
  const closing = cells.closed_at;
  const ending: PromiseRowEnding =
    closing === null || cells.status === 'open' || cells.status === 'awaiting_condition'
      ? { status: 'running' }
      : { status: cells.status, at: closing, note: cells.note };
  return {
    ok: true,
    promise: {
      externalId: cells.external_id,
      account: cells.account,
      ownerEmail: cells.owner_email,
      kind: cells.kind,
      title: cells.what,
      details: cells.details,
      importance: cells.importance,
      madeAt: cells.made_at,
      due,
      condition: cells.condition,
      conditionMetAt: cells.condition_met_at,
      ending,
      informed:
        cells.informed_at === null
          ? null
          : {
              at: cells.informed_at,
              channel: cells.informed_channel,
              apologised: cells.apologised,
            },
    },
  };
}
