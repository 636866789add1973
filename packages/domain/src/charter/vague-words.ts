/**
 * Words that promise a feeling instead of a number: "timely responses", "fast delivery", "as soon
 * as possible". A client cannot check them and neither can we, so a term needs a target anyway.
 */
export const vagueWords = [
  'as soon as possible',
  'asap',
  'best effort',
  'efficient',
  'efficiently',
  'expedite',
  'expedited',
  'fast',
  'frequent',
  'frequently',
  'immediate',
  'immediately',
  'often',
  'prompt',
  'promptly',
  'quick',
  'quickly',
  'rapid',
  'rapidly',
  'reasonable',
  'reasonably',
  'regular',
  'regularly',
  'responsive',
  'shortly',
  'soon',
  'speedy',
  'swift',
  'swiftly',
  'timely',
] as const;

const vaguePattern = new RegExp(
  `\\b(${[...vagueWords]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|')})\\b`,
  'gi',
);

/** The vague words in a term's wording, in the order they appear, each once, in lower case. */
export function vagueWordsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(vaguePattern)) {
    const word = match[0].toLowerCase().replace(/\s+/g, ' ');
    if (!found.includes(word)) found.push(word);
  }
  return found;
}
