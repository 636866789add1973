import { z } from 'zod';
import { type BusinessCalendar, businessCalendarSchema } from '../calendar/business-calendar.ts';
import { type Instant, idSchema } from '../shared/instant.ts';
import { canonicalTimeZone, isKnownTimeZone } from '../shared/time-zone.ts';

export const accountStages = ['prospect', 'onboarding', 'active', 'at_risk', 'churned'] as const;
export type AccountStage = (typeof accountStages)[number];

export const accountTiers = ['strategic', 'key', 'standard', 'small'] as const;
export type AccountTier = (typeof accountTiers)[number];

const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin' })
  .transform(canonicalTimeZone);

const calendarDateSchema = z.iso.date({ error: 'must be a calendar date (YYYY-MM-DD)' });

/** What it takes to open an account: a client, owned by one account manager. */
export const createAccountInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  ownerId: idSchema,
  stage: z.enum(accountStages).default('prospect'),
  tier: z.enum(accountTiers).default('standard'),
  timeZone: timeZoneSchema.default('UTC'),
  customerSince: calendarDateSchema.nullable().default(null),
  /** The client's own business hours; null: the company's calendar applies. */
  calendar: businessCalendarSchema.nullable().default(null),
});
export type CreateAccountInput = z.input<typeof createAccountInputSchema>;

/** A client of the company. `customerSince` is a calendar date, `null` for a prospect. */
export interface Account {
  id: string;
  name: string;
  ownerId: string;
  stage: AccountStage;
  tier: AccountTier;
  timeZone: string;
  customerSince: string | null;
  calendar: BusinessCalendar | null;
  createdAt: Instant;
  version: number;
}

/** Someone at the client that promises are made to. */
export const createContactInputSchema = z.object({
  accountId: idSchema,
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  email: z.email({ error: 'must be an e-mail address' }).nullable().default(null),
  phone: z.string().trim().max(50, 'must be at most 50 characters').nullable().default(null),
  role: z.string().trim().max(100, 'must be at most 100 characters').nullable().default(null),
});
export type CreateContactInput = z.input<typeof createContactInputSchema>;

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}
