/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl|min|max|no|ca|cf|resp)\.$/i;

/**
 * Splits a message into sentences: at line breaks, and after `.`, `!`, `?` or `;` followed by a space.
 * Dots inside words ("db.r6g.large", "example.com") and after common abbreviations do not split.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n+/)) {
    let start = 0;
    const boundary = /[.!?;]+(?=\s|$)/g;
    for (let m = boundary.exec(line); m !== null; m = boundary.exec(line)) {
      const end = m.index + m[0].length;
      if (m[0] === '.' && ABBREVIATIONS.test(line.slice(start, end))) continue;
      out.push(line.slice(start, end));
      start = end;
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.replace(/^[\s>*•·-]+(?=\S)/, '').trim()).filter((s) => /[a-z0-9]/i.test(s));
}
