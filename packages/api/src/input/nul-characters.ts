import { TRPCError } from '@trpc/server';

interface TextIssue {
  message: string;
  path: (string | number)[];
}

/** Refused input, with issues in the shape the errorFormatter turns into `fieldErrors`. */
class NulCharacterInput extends Error {
  constructor(readonly issues: TextIssue[]) {
    super('Input text holds a NUL character');
  }
}

const message = 'must not contain the NUL character (U+0000)';

/**
 * Every place a raw input holds a NUL character, in a string or a key. PostgreSQL cannot store
 * one in text (it fails the statement), no field of Steadfast needs one, and SQLite should not
 * keep what a PostgreSQL store could not take. Walked without recursion: an input may nest deep.
 */
export function nulCharacterIssues(input: unknown): TextIssue[] {
  // Each place links to its parent, so the walk costs one step per value however deep it goes;
  // a path is spelled out only for a place that has an issue.
  interface Place {
    value: unknown;
    key: string | number | null;
    parent: Place | null;
  }
  const pathOf = (place: Place, key?: string) => {
    const path: (string | number)[] = key === undefined ? [] : [key];
    for (let at: Place | null = place; at !== null && at.key !== null; at = at.parent) {
      path.push(at.key);
    }
    return path.reverse();
  };
  const issues: TextIssue[] = [];
  const pending: Place[] = [{ value: input, key: null, parent: null }];
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const { value } = place;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ message, path: pathOf(place) });
    } else if (Array.isArray(value)) {
      for (const [index, element] of value.entries()) {
        pending.push({ value: element, key: index, parent: place });
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, element] of Object.entries(value)) {
        if (key.includes('\u0000')) issues.push({ message, path: pathOf(place, key) });
        pending.push({ value: element, key, parent: place });
      }
    }
  }
  return issues;
}

/** Refuses an input holding a NUL character anywhere: a 400 naming each field. */
export function refuseNulCharacters(input: unknown): void {
  const issues = nulCharacterIssues(input);
  if (issues.length === 0) return;
  throw new TRPCError({ code: 'BAD_REQUEST', cause: new NulCharacterInput(issues) });
}
