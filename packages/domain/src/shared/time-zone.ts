/** Is this an IANA time zone the runtime knows (Europe/Berlin, America/New_York, UTC, …)? */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a known time zone (`europe/berlin` → `Europe/Berlin`). */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}
