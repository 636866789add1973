import * as chrono from 'chrono-node';

/** How people say a due on the phone, read into what the promise will say. */
export type ParsedDue =
  /** "in 10 business days": counted in the account's business calendar (by the API). */
  | { kind: 'business'; amount: number; unit: 'business_days' | 'business_hours' }
  /** "Fri 3pm", "next Tuesday": one moment. */
  | { kind: 'point'; at: Date }
  /** "between Mon and Wed", "1 Dec – 3 Dec": a window the customer is told. */
  | { kind: 'window'; earliest: Date; latest: Date };

/** A date said without a time means by the end of that working day, or from its start. */
export const endOfWorkingDayHour = 17;
export const startOfWorkingDayHour = 9;

const businessPattern =
  /^(?:in\s+|within\s+)?(\d{1,4})\s+(?:business|working|work)\s+(days?|hours?)$/i;
const betweenPattern = /^between\s+(.+?)\s+and\s+(.+)$/i;

function atHourUnlessSaid(component: chrono.ParsedComponents, hour: number): Date {
  const date = component.date();
  if (component.isCertain('hour')) return date;
  date.setHours(hour, 0, 0, 0);
  return date;
}

/**
 * Reads a due as the account manager types it. Business durations are left for the business
 * calendar to count; dates and times go through chrono (forward from `reference`, in local time);
 * a date without a time is the end of that working day (a window starts at its beginning).
 * Null when the text says no date, or says more than one thing.
 */
export function parseDue(text: string, reference: Date): ParsedDue | null {
  const said = text.trim().replace(/\s+/g, ' ');
  if (said === '') return null;

  const business = businessPattern.exec(said);
  if (business) {
    const amount = Number(business[1]);
    if (amount <= 0) return null;
    const unit = business[2]?.toLowerCase().startsWith('hour') ? 'business_hours' : 'business_days';
    return { kind: 'business', amount, unit };
  }

  const between = betweenPattern.exec(said);
  const phrase = between ? `${between[1]} - ${between[2]}` : said;
  const results = chrono.parse(phrase, reference, { forwardDate: true });
  const [result] = results;
  if (result === undefined || results.length > 1) return null;
  // Words chrono could not read (e.g. "Fri 3pm-ish or so") mean the date may not be what was said.
  if (result.text.length < phrase.replace(/^(from|by|on|until)\s+/i, '').length - 1) return null;

  if (result.end) {
    const earliest = atHourUnlessSaid(result.start, startOfWorkingDayHour);
    const latest = atHourUnlessSaid(result.end, endOfWorkingDayHour);
    return latest.getTime() < earliest.getTime() ? null : { kind: 'window', earliest, latest };
  }
  return { kind: 'point', at: atHourUnlessSaid(result.start, endOfWorkingDayHour) };
}
