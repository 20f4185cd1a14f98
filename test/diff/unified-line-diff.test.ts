import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, unifiedLineDiff } from '../../src/diff/unified-line-diff.ts';

/** Applies a unified diff's edit script to `before`, to check it reproduces `after`. */
function applyEdits(edits: ReturnType<typeof diffLines>): { before: string[]; after: string[] } {
  return {
    before: edits.filter((e) => e.op !== '+').map((e) => e.line),
    after: edits.filter((e) => e.op !== '-').map((e) => e.line),
  };
}

describe('unifiedLineDiff', () => {
  it('prints hunks with context like diff -u', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');
    expect(unifiedLineDiff(before, after, { fromLabel: 'old.yaml', toLabel: 'new.yaml', context: 1 })).toBe(
      [
        '--- old.yaml',
        '+++ new.yaml',
        '@@ -3,3 +3,3 @@',
        ' c',
        '-d',
        '+D',
        ' e',
        '@@ -10,1 +10,2 @@',
        ' j',
        '+k',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts', () => {
    expect(unifiedLineDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('always yields an edit script that turns before into after', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const edits = diffLines(a, b);
        expect(applyEdits(edits)).toEqual({ before: a, after: b });
      }),
    );
  });

  it('shows texts with nothing in common as removed and added wholesale', () => {
    const a = Array.from({ length: 1_500 }, (_, i) => `old ${i}`);
    const b = Array.from({ length: 1_500 }, (_, i) => `new ${i}`);
    const edits = diffLines(a, b);
    expect(edits.map((e) => e.op).join('')).toBe('-'.repeat(1_500) + '+'.repeat(1_500));
    expect(applyEdits(edits)).toEqual({ before: a, after: b });
  });
});
