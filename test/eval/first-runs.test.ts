import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FirstRunEntry } from '../../eval/runner/first-runs.ts';
import { addEntry, findEntry, loadFirstRuns, saveFirstRuns } from '../../eval/runner/first-runs.ts';
import { fixtureTree } from './fixture-tree.ts';

const t = fixtureTree({});
afterAll(t.remove);

const entry = (set: string, kindF1: number): FirstRunEntry => ({
  set,
  planner: 'embedded',
  source: { repo: 'owner/name', commit: 'a'.repeat(40) },
  date: '2026-01-02',
  plannerCommit: 'abc123',
  figures: { cases: 10, kindF1, edgeF1: 0.5, params: null, teamEnvironment: 1, fullyRight: 3 },
});

describe('eval/first-runs.json', () => {
  it('is empty when absent, and keeps the first entry of a set: a later one never replaces it', () => {
    const path = join(t.dir, 'runs.json');
    const runs = loadFirstRuns(path);
    expect(runs).toEqual({ 'first-run': [], 'baseline-old-planner': [] });
    expect(addEntry(runs, 'first-run', entry('sfn-workflows', 0.61))).toBe(true);
    expect(addEntry(runs, 'first-run', entry('sfn-workflows', 0.99))).toBe(false);
    // The same set under the other key, or for the other planner, is another entry.
    expect(addEntry(runs, 'baseline-old-planner', entry('sfn-workflows', 0.4))).toBe(true);
    expect(addEntry(runs, 'first-run', { ...entry('sfn-workflows', 0.7), planner: 'llm' })).toBe(true);
    saveFirstRuns(runs, path);
    const back = loadFirstRuns(path);
    expect(findEntry(back, 'first-run', 'sfn-workflows', 'embedded')?.figures.kindF1).toBe(0.61);
    expect(findEntry(back, 'baseline-old-planner', 'sfn-workflows', 'embedded')?.figures.kindF1).toBe(0.4);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('refuses a malformed file, naming the field', () => {
    const path = join(t.dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ 'first-run': [{ ...entry('x', 1), date: 'yesterday' }] }));
    expect(() => loadFirstRuns(path)).toThrow(/bad\.json: first-run\.0\.date/);
    writeFileSync(path, '{ not json');
    expect(() => loadFirstRuns(path)).toThrow(/bad\.json: not JSON/);
  });
});
