import {
  type Account,
  accountStages,
  accountTiers,
  type BusinessCalendar,
  type Contact,
  type Team,
  type User,
  userRoles,
} from '@steadfast/domain';
import { z } from 'zod';
import { calendarDateOutput, idOutput, instantOutput } from './wire-types.ts';

const workingDayOutput = z.array(
  z.object({
    start: z.string().meta({ example: '09:00' }),
    end: z.string().meta({ example: '17:00' }),
  }),
);

/** Working hours per weekday (local wall-clock intervals), holidays and the time zone. */
export const businessCalendarOutput = z
  .object({
    timeZone: z.string(),
    weeklyHours: z.object({
      monday: workingDayOutput,
      tuesday: workingDayOutput,
      wednesday: workingDayOutput,
      thursday: workingDayOutput,
      friday: workingDayOutput,
      saturday: workingDayOutput,
      sunday: workingDayOutput,
    }),
    holidays: z.array(z.object({ date: calendarDateOutput, name: z.string() })),
  })
  .meta({ id: 'BusinessCalendar' }) satisfies z.ZodType<BusinessCalendar>;

/** A client of the company, owned by one account manager. */
export const accountOutput = z
  .object({
    id: idOutput,
    name: z.string(),
    ownerId: idOutput,
    stage: z.enum(accountStages),
    tier: z.enum(accountTiers),
    timeZone: z.string(),
    customerSince: calendarDateOutput.nullable(),
    calendar: businessCalendarOutput
      .nullable()
      .describe("The client's own business hours; null: the company's calendar applies."),
    createdAt: instantOutput,
    version: z.int(),
  })
  .meta({ id: 'Account' }) satisfies z.ZodType<Account>;

/** Someone at the client that promises are made to. */
export const contactOutput = z
  .object({
    id: idOutput,
    accountId: idOutput,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
  })
  .meta({ id: 'Contact' }) satisfies z.ZodType<Contact>;

/** An account with its contacts. */
export const accountWithContactsOutput = z.object({
  account: accountOutput,
  contacts: z.array(contactOutput),
});

/** Someone who works in Steadfast: an account manager, a leader or an admin. */
export const userOutput = z
  .object({
    id: idOutput,
    name: z.string(),
    email: z.string(),
    role: z.enum(userRoles),
    teamId: idOutput.nullable(),
    createdAt: instantOutput,
  })
  .meta({ id: 'User' }) satisfies z.ZodType<User>;

/** A group of account managers whose trust is scored together. */
export const teamOutput = z
  .object({ id: idOutput, name: z.string(), createdAt: instantOutput })
  .meta({ id: 'Team' }) satisfies z.ZodType<Team>;
