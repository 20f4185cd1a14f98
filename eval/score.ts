import type { Architecture } from '../src/model/architecture.ts';
import type { EvalCase } from './case-schema.ts';

/** Counts a planner accumulates over the cases; the figures are computed from the sums. */
export interface Tally {
  cases: number;
  kindTp: number;
  kindActual: number;
  kindExpected: number;
  connTp: number;
  connActual: number;
  connExpected: number;
  paramsRight: number;
  paramsExpected: number;
  metaRight: number;
  metaExpected: number;
  asksRight: number;
  asksExpected: number;
  intentRight: number;
  intentExpected: number;
  exact: number;
}

export function emptyTally(): Tally {
  return {
    cases: 0,
    kindTp: 0,
    kindActual: 0,
    kindExpected: 0,
    connTp: 0,
    connActual: 0,
    connExpected: 0,
    paramsRight: 0,
    paramsExpected: 0,
    metaRight: 0,
    metaExpected: 0,
    asksRight: 0,
    asksExpected: 0,
    intentRight: 0,
    intentExpected: 0,
    exact: 0,
  };
}

function counts(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function overlap(actual: readonly string[], expected: readonly string[]): number {
  const a = counts(actual);
  let tp = 0;
  for (const [key, n] of counts(expected)) tp += Math.min(n, a.get(key) ?? 0);
  return tp;
}

export interface CaseOutcome {
  architecture: Architecture;
  asked: boolean;
  intent: string;
}

/** Scores one case; returns the mismatches in words (empty when the case is fully right). */
export function scoreCase(tally: Tally, c: EvalCase, outcome: CaseOutcome): string[] {
  const problems: string[] = [];
  const { architecture } = outcome;
  tally.cases++;
  const actualKinds = architecture.components.map((x) => x.kind);
  const expectedKinds = c.expect.components.map((x) => x.kind);
  const kindTp = overlap(actualKinds, expectedKinds);
  tally.kindTp += kindTp;
  tally.kindActual += actualKinds.length;
  tally.kindExpected += expectedKinds.length;
  if (kindTp !== actualKinds.length || kindTp !== expectedKinds.length) {
    problems.push(
      `kinds: got [${[...actualKinds].sort().join(', ')}], expected [${[...expectedKinds].sort().join(', ')}]`,
    );
  }

  const kindOf = new Map(architecture.components.map((x) => [x.id, x.kind]));
  const actualConns = architecture.connections.map(
    (x) => `${kindOf.get(x.from)}>${kindOf.get(x.to)}:${x.access}`,
  );
  const expectedConns = c.expect.connections.map((x) => `${x.from}>${x.to}:${x.access}`);
  const connTp = overlap(actualConns, expectedConns);
  tally.connTp += connTp;
  tally.connActual += actualConns.length;
  tally.connExpected += expectedConns.length;
  if (connTp !== actualConns.length || connTp !== expectedConns.length) {
    problems.push(
      `connections: got [${[...actualConns].sort().join(', ')}], expected [${[...expectedConns].sort().join(', ')}]`,
    );
  }

  const used = new Set<string>();
  for (const want of c.expect.components) {
    const entries = Object.entries(want.params ?? {});
    if (entries.length === 0) continue;
    const candidates = architecture.components.filter(
      (x) => x.kind === want.kind && !used.has(x.id) && (!want.id || x.id === want.id),
    );
    let best = candidates[0];
    let bestScore = -1;
    for (const candidate of candidates) {
      const score = entries.filter(
        ([k, v]) => JSON.stringify(candidate.params[k]) === JSON.stringify(v),
      ).length;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) used.add(best.id);
    for (const [k, v] of entries) {
      tally.paramsExpected++;
      const got = best?.params[k];
      if (best && JSON.stringify(got) === JSON.stringify(v)) tally.paramsRight++;
      else
        problems.push(`param ${want.kind}.${k}: got ${JSON.stringify(got)}, expected ${JSON.stringify(v)}`);
    }
  }

  if (c.expect.team !== undefined) {
    tally.metaExpected++;
    if (architecture.team === c.expect.team) tally.metaRight++;
    else
      problems.push(
        `team: got ${JSON.stringify(architecture.team)}, expected ${JSON.stringify(c.expect.team)}`,
      );
  }
  if (c.expect.environment !== undefined) {
    tally.metaExpected++;
    if (architecture.environment === c.expect.environment) tally.metaRight++;
    else
      problems.push(
        `environment: got ${JSON.stringify(architecture.environment)}, expected ${JSON.stringify(c.expect.environment)}`,
      );
  }
  if (c.expect.asks !== undefined) {
    tally.asksExpected++;
    if (outcome.asked === c.expect.asks) tally.asksRight++;
    else problems.push(`asks: got ${outcome.asked}, expected ${c.expect.asks}`);
  }
  if (c.expect.intent !== undefined) {
    tally.intentExpected++;
    if (outcome.intent === c.expect.intent) tally.intentRight++;
    else problems.push(`intent: got ${outcome.intent}, expected ${c.expect.intent}`);
  }
  if (problems.length === 0) tally.exact++;
  return problems;
}

function f1(tp: number, actual: number, expected: number): number {
  if (actual === 0 && expected === 0) return 1;
  const precision = actual === 0 ? 0 : tp / actual;
  const recall = expected === 0 ? 0 : tp / expected;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface Figures {
  cases: number;
  componentKindF1: number;
  connectionF1: number;
  paramAccuracy: number;
  teamEnvironmentAccuracy: number;
  clarifyingQuestionAccuracy: number;
  intentAccuracy: number;
  exactCases: number;
}

export function figures(t: Tally): Figures {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    cases: t.cases,
    componentKindF1: f1(t.kindTp, t.kindActual, t.kindExpected),
    connectionF1: f1(t.connTp, t.connActual, t.connExpected),
    paramAccuracy: ratio(t.paramsRight, t.paramsExpected),
    teamEnvironmentAccuracy: ratio(t.metaRight, t.metaExpected),
    clarifyingQuestionAccuracy: ratio(t.asksRight, t.asksExpected),
    intentAccuracy: ratio(t.intentRight, t.intentExpected),
    exactCases: t.exact,
  };
}
