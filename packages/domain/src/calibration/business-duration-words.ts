import { z } from 'zod';

/**
 * How many business minutes make one business day when a duration is put into words (an 8-hour
 * day by default). Only the wording uses it: every computation stays in business minutes.
 */
export const businessDayMinutesSchema = z
  .number()
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1')
  .max(1440, 'must be at most 1440 (24 hours)')
  .default(480);

/** `12345.6` → `"12,346"`: whole minutes with thousands separators, the same in every locale. */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes).toString();
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
}

function unit(amount: string, singular: string): string {
  return `${amount} business ${singular}${amount === '1' ? '' : 's'}`;
}

/**
 * A business duration in the words an account manager uses: days from one business day up, else
 * hours from one hour up, else minutes ("7 business days", "3.5 business hours", "45 business minutes").
 */
export function describeBusinessMinutes(minutes: number, businessDayMinutes: number): string {
  if (minutes >= businessDayMinutes) return unit(oneDecimal(minutes / businessDayMinutes), 'day');
  if (minutes >= 60) return unit(oneDecimal(minutes / 60), 'hour');
  return unit(formatMinutes(minutes), 'minute');
}

/** The words and the exact figure, so every number shows its parts: "7 business days (3,360 min)". */
export function describeBusinessMinutesExactly(
  minutes: number,
  businessDayMinutes: number,
): string {
  return `${describeBusinessMinutes(minutes, businessDayMinutes)} (${formatMinutes(minutes)} min)`;
}
