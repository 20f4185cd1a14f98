/** A word as the tokenizer cuts it, before tagging and correction. */
export interface RawToken {
  readonly text: string;
  readonly joined: boolean;
}

const UNIT_SPLIT =
  /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)(gb|gib|mb|mib|tb|tib|vcpus?|cpus?|ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|am|pm|x|k)\b/gi;

/** Spellings folded before cutting, so later stages see one form. */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  // links and addresses name no component ("learn more at https://serverlessland.com/…")
  [/\b(?:https?|s3|arn):\/\/\S+|\barn:aws:\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi, ' '],
  [/[\u2018\u2019\u0060\u00b4]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/\s*(?:-->|->|=>|→|⟶)\s*/g, ' → '],
  [/\b(can)'?t\b/gi, '$1 not'],
  [/\bwon'?t\b/gi, 'will not'],
  [/\b(do|does|did|is|are|was|were|should|would|could|must|has|have|had|need)n'?t\b/gi, '$1 not'],
  [/n't\b/gi, ' not'],
  // "as they're uploaded": the verb "be" keeps a passive a passive
  [/\b(they|we|you)'re\b/gi, '$1 are'],
  [/'(s|re|ve|ll|d|m)\b/gi, ''],
  // access written as an adjective: "read-only", "read/write", "reads and writes"
  [/\bread(?:s)?(?:\s*[-/&]\s*|\s+and\s+|\s+\+\s+)writes?\b/gi, 'readwrite'],
  [/\bread[\s-]?only\b/gi, 'readonly'],
  [/\bpub\s*[/-]\s*sub\b/gi, 'pubsub'],
  [/\bby way of\b/gi, 'via'],
  [/\bby means of\b/gi, 'via'],
  [/\bwrite[\s-]only\b/gi, 'writeonly'],
  [UNIT_SPLIT, '$1 $2'],
];

/** Words (with dots or underscores inside: "db.r6g.large", "orders_table"), numbers, and link symbols. */
const PIECE = /[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*|[?,:=→+;()!/&*"]|-/g;

/**
 * Cuts a sentence into words. Hyphens split words ("multi-AZ" → "multi", "AZ"), the part after a hyphen
 * is marked `joined` so names can be put back together ("orders-db").
 */
export function tokenize(sentence: string): RawToken[] {
  let text = sentence;
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  const out: RawToken[] = [];
  let hyphen = false;
  let lastEnd = -1;
  for (const m of text.matchAll(PIECE)) {
    const piece = m[0];
    const start = m.index;
    if (piece === '-') {
      hyphen = start === lastEnd && /[A-Za-z0-9]/.test(text[start + 1] ?? '');
      continue;
    }
    out.push({ text: piece, joined: hyphen && start === lastEnd + 1 });
    hyphen = false;
    lastEnd = start + piece.length;
  }
  return out;
}
