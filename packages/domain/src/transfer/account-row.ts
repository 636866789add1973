import { z } from 'zod';
import {
  type AccountStage,
  type AccountTier,
  accountStages,
  accountTiers,
  createAccountInputSchema,
} from '../account/account.ts';
import {
  type CsvRecord,
  presentCells,
  type RowRejection,
  rejectionsFrom,
  requiredError,
} from './csv-row.ts';

/** The columns of an accounts CSV, in the order an export writes them. */
export const accountCsvColumns = [
  'external_id',
  'name',
  'owner_email',
  'stage',
  'tier',
  'time_zone',
  'customer_since',
] as const;

/** Columns an accounts CSV must have; the others may be left out. */
export const requiredAccountColumns = ['name', 'owner_email'] as const;

/** An identifier of the row in the system it came from: what makes a re-import recognisable. */
export const externalIdSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .optional()
  .transform((value) => value ?? null);

const fields = createAccountInputSchema.shape;

const accountRowSchema = z.object({
  external_id: externalIdSchema,
  name: z
    .string({ error: requiredError('must be text') })
    .max(200, 'must be at most 200 characters'),
  owner_email: z.email({ error: requiredError('must be an e-mail address') }),
  stage: z
    .enum(accountStages, { error: `must be one of ${accountStages.join(', ')}` })
    .default('prospect'),
  tier: z
    .enum(accountTiers, { error: `must be one of ${accountTiers.join(', ')}` })
    .default('standard'),
  time_zone: fields.timeZone,
  customer_since: fields.customerSince.optional().transform((value) => value ?? null),
});

/** An account as one CSV row describes it; the owner is still an e-mail address to look up. */
export interface AccountRow {
  externalId: string | null;
  name: string;
  ownerEmail: string;
  stage: AccountStage;
  tier: AccountTier;
  timeZone: string;
  customerSince: string | null;
}

/** Reads one accounts CSV record: the account it describes, or every cell that breaks a rule. */
export function parseAccountRow(
  record: CsvRecord,
  row: number,
): { ok: true; account: AccountRow } | { ok: false; rejections: RowRejection[] } {
  const parsed = accountRowSchema.safeParse(presentCells(record));
  if (!parsed.success) return { ok: false, rejections: rejectionsFrom(row, parsed.error.issues) };
  const cells = parsed.data;
  return {
    ok: true,
    account: {
      externalId: cells.external_id,
      name: cells.name,
      ownerEmail: cells.owner_email,
      stage: cells.stage,
      tier: cells.tier,
      timeZone: cells.time_zone,
      customerSince: cells.customer_since,
    },
  };
}
