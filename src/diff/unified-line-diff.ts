/**
 * A unified diff of two texts, line by line (Myers' O((N+M)D) algorithm after trimming the common prefix
 * and suffix), in the format of `diff -u`: `---`/`+++` headers and `@@ -a,b +c,d @@` hunks.
 */
export interface UnifiedDiffOptions {
  fromLabel?: string;
  toLabel?: string;
  /** Lines of unchanged context around each change; 3 by default. */
  context?: number;
}

type Edit = { op: ' ' | '-' | '+'; line: string };

export function unifiedLineDiff(before: string, after: string, options: UnifiedDiffOptions = {}): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const edits = diffLines(a, b);
  const context = options.context ?? 3;
  const hunks = toHunks(edits, context);
  if (hunks.length === 0) return '';
  const out = [`--- ${options.fromLabel ?? 'before'}`, `+++ ${options.toLabel ?? 'after'}`];
  for (const hunk of hunks) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest edit script from `a` to `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Edit[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  const tail: Edit[] = a.slice(endA).map((line) => ({ op: ' ', line }));
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [...head, ...middle, ...tail];
}

/** Beyond this many edits the texts have little in common: show them as removed and added wholesale. */
const MAX_EDIT_DISTANCE = 2_000;

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const wholesale = (): Edit[] => [
    ...a.map((line): Edit => ({ op: '-', line })),
    ...b.map((line): Edit => ({ op: '+', line })),
  ];
  if (n === 0 || m === 0) return wholesale();
  const max = n + m;
  // One spare diagonal on each side so snapshots of diagonals -d-1..d+1 never index below 0.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 4);
  // trace[d] holds v for diagonals -d-1..d+1 as it was before step d (O(D²) memory, not O(D·(N+M))).
  const trace: Int32Array[] = [];
  const at = (snapshot: Int32Array, d: number, k: number): number => snapshot[k + d + 1] ?? 0;
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if (d > MAX_EDIT_DISTANCE) return wholesale();
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) {
        x = v[offset + k + 1] ?? 0;
      } else {
        x = (v[offset + k - 1] ?? 0) + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace backwards to recover the edit script.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && at(vd, d, k - 1) < at(vd, d, k + 1))) prevK = k + 1;
    else prevK = k - 1;
    const prevX = at(vd, d, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[x - 1] as string });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) edits.push({ op: '+', line: b[y - 1] as string });
      else edits.push({ op: '-', line: a[x - 1] as string });
      x = prevX;
      y = prevY;
    }
  }
  edits.reverse();
  // Within each change block, show removals before additions (the `diff -u` convention).
  return normaliseBlocks(edits);
}

function normaliseBlocks(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let removed: Edit[] = [];
  let added: Edit[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const edit of edits) {
    if (edit.op === '-') removed.push(edit);
    else if (edit.op === '+') added.push(edit);
    else {
      flush();
      out.push(edit);
    }
  }
  flush();
  return out;
}

function toHunks(edits: readonly Edit[], context: number): string[][] {
  const changed: number[] = [];
  edits.forEach((e, i) => {
    if (e.op !== ' ') changed.push(i);
  });
  if (changed.length === 0) return [];
  // Group change indexes whose context windows touch.
  const groups: Array<[number, number]> = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= 2 * context) last[1] = i;
    else groups.push([i, i]);
  }
  // Line numbers before each edit index.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 0;
  let lb = 0;
  for (const e of edits) {
    posA.push(la);
    posB.push(lb);
    if (e.op !== '+') la++;
    if (e.op !== '-') lb++;
  }
  return groups.map(([first, last]) => {
    const from = Math.max(0, first - context);
    const to = Math.min(edits.length - 1, last + context);
    const slice = edits.slice(from, to + 1);
    const countA = slice.filter((e) => e.op !== '+').length;
    const countB = slice.filter((e) => e.op !== '-').length;
    const startA = countA === 0 ? (posA[from] ?? 0) : (posA[from] ?? 0) + 1;
    const startB = countB === 0 ? (posB[from] ?? 0) : (posB[from] ?? 0) + 1;
    return [`@@ -${startA},${countA} +${startB},${countB} @@`, ...slice.map((e) => `${e.op}${e.line}`)];
  });
}
