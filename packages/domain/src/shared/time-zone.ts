// Building an Intl.DateTimeFormat costs tens of microseconds, and every read of the settings or of
// an account checks its zone: the runtime's answer for a zone never changes, so a known zone is
// asked once. Only known zones are kept (a few hundred at most), so odd input cannot grow it.
const canonicalByZone = new Map<string, string>();

function canonicalOrNull(timeZone: string): string | null {
  const known = canonicalByZone.get(timeZone);
  if (known !== undefined) return known;
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    canonicalByZone.set(timeZone, canonical);
    return canonical;
  } catch {
    return null;
  }
}

/** Is this an IANA time zone the runtime knows (Europe/Berlin, America/New_York, UTC, …)? */
export function isKnownTimeZone(timeZone: string): boolean {
  return canonicalOrNull(timeZone) !== null;
}

/** The canonical spelling of a known time zone (`europe/berlin` → `Europe/Berlin`). */
export function canonicalTimeZone(timeZone: string): string {
  const canonical = canonicalOrNull(timeZone);
  // The same RangeError the runtime throws for a zone it does not know.
  if (canonical === null)
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  return canonical;
}
