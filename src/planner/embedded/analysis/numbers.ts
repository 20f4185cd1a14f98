const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  single: 1,
  couple: 2,
  pair: 2,
  dozen: 12,
};

/** A count word or digits as a number ("three" → 3, "12" → 12), or null. */
export function numberOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}
