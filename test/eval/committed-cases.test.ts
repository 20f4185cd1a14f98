import { describe, expect, it } from 'vitest';
import { conventionModes } from '../../eval/conventions.ts';
import { loadCaseFiles } from '../../eval/load-cases.ts';
import { HELD_OUT_TAG } from '../../eval/runner/eval-sets.ts';
import { ArchitectureSchema, emptyArchitecture } from '../../src/model/architecture.ts';

const files = loadCaseFiles();
const byName = new Map(files.map((f) => [f.name, f]));

describe('the committed case files', () => {
  it('expect only connections the conventions allow, between components they expect', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const c of f.cases) {
        const kinds = c.expect.components.map((x) => x.kind);
        for (const x of c.expect.connections) {
          if (!conventionModes(x.from, x.to).includes(x.access))
            wrong.push(`${c.id}: ${x.from}>${x.to}:${x.access}`);
          if (!kinds.includes(x.from) || !kinds.includes(x.to))
            wrong.push(`${c.id}: ${x.from}>${x.to} not expected`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('start from architectures that are valid, their connections naming their own components', () => {
    const wrong: string[] = [];
    for (const c of files.flatMap((f) => f.cases)) {
      if (!c.start) continue;
      const start = emptyArchitecture({ ...c.start });
      const ids = new Set(start.components.map((x) => x.id));
      if (!ArchitectureSchema.safeParse(start).success) wrong.push(`${c.id}: invalid start`);
      for (const x of start.connections)
        if (!ids.has(x.from) || !ids.has(x.to)) wrong.push(`${c.id}: ${x.from}>${x.to}`);
    }
    expect(wrong).toEqual([]);
  });

  it('hold a chat development set and a chat held-out set, every held-out case tagged, no message shared', () => {
    const dev = byName.get('20-chat-dev')?.cases ?? [];
    const held = byName.get('21-chat-heldout')?.cases ?? [];
    expect(dev.length).toBeGreaterThanOrEqual(75);
    expect(held.length).toBeGreaterThanOrEqual(55);
    expect(held.every((c) => c.tags.includes(HELD_OUT_TAG))).toBe(true);
    expect(dev.some((c) => c.tags.includes(HELD_OUT_TAG))).toBe(false);
    const devTurns = new Set(dev.flatMap((c) => c.turns.map((t) => t.toLowerCase())));
    const shared = held
      .flatMap((c) => c.turns)
      .filter((t) => devTurns.has(t.toLowerCase()) && t.split(' ').length > 2);
    expect(shared).toEqual([]);
  });
});
