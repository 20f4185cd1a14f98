import type { PipelineTrace } from '../src/planner/embedded/pipeline.ts';
import type { EvalCase } from './case-schema.ts';

/** Per-stage counts over single-message cases: what each stage of the embedded planner got right. */
interface Counts {
  cases: number;
  mentionTp: number;
  mentionFound: number;
  mentionExpected: number;
  entityTp: number;
  entityFound: number;
  entityExpected: number;
  stateTp: number;
  stateFound: number;
  completionTp: number;
  completionFound: number;
  edgesExpected: number;
}

/** What of `expected` is left after matching `found` against it (as multisets). */
function unmatched(found: readonly string[], expected: readonly string[]): string[] {
  const left = [...expected];
  for (const x of found) {
    const at = left.indexOf(x);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

function overlap(found: readonly string[], expected: readonly string[]): number {
  return expected.length - unmatched(found, expected).length;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (tp: number, found: number, expected: number) => {
  const p = ratio(tp, found);
  const r = ratio(tp, expected);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/**
 * Scores the stages of the embedded planner on the cases of one message (a later turn's stages see
 * only that turn, so multi-turn cases are left out):
 * - mentions: are the expected kinds named at all (distinct kinds, recall and precision);
 * - entities: kinds after entities are resolved, before completion (F1, counting groups);
 * - relations: links the text states, before completion (precision, and recall against expected links);
 * - completion: the links it adds (precision).
 */
export class StageScores {
  private readonly c: Counts = {
    cases: 0,
    mentionTp: 0,
    mentionFound: 0,
    mentionExpected: 0,
    entityTp: 0,
    entityFound: 0,
    entityExpected: 0,
    stateTp: 0,
    stateFound: 0,
    completionTp: 0,
    completionFound: 0,
    edgesExpected: 0,
  };

  add(testCase: EvalCase, trace: PipelineTrace | undefined): void {
    if (!trace || testCase.turns.length !== 1 || testCase.start) return;
    const c = this.c;
    c.cases++;
    const expectedKinds = testCase.expect.components.map((x) => x.kind);
    const mentioned = [
      ...new Set(
        trace.mentions
          .flat()
          .flatMap((m) => (m.kind && (m.type === 'component' || m.type === 'part') ? [m.kind] : [])),
      ),
    ];
    const distinctExpected = [...new Set(expectedKinds)];
    c.mentionTp += overlap(mentioned, distinctExpected);
    c.mentionFound += mentioned.length;
    c.mentionExpected += distinctExpected.length;
    const entities = trace.entities.filter(
      (e) => !e.existing && !e.implicit && !e.tentative && !e.members && e.mentions.length > 0,
    );
    const entityKinds = entities.flatMap((e) => Array.from({ length: e.count }, () => e.kind));
    c.entityTp += overlap(entityKinds, expectedKinds);
    c.entityFound += entityKinds.length;
    c.entityExpected += expectedKinds.length;
    const expectedEdges = testCase.expect.connections.map((x) => `${x.from}>${x.to}:${x.access}`);
    const edge = (r: PipelineTrace['relations'][number]) => `${r.from.kind}>${r.to.kind}:${r.access}`;
    const stated = trace.stated.filter((r) => !r.negated && !r.from.tentative && !r.to.tentative).map(edge);
    const added = trace.relations
      .filter((r) => !trace.stated.includes(r) && !r.negated && !r.from.tentative && !r.to.tentative)
      .map(edge);
    const statedTp = overlap(stated, expectedEdges);
    c.stateTp += statedTp;
    c.stateFound += stated.length;
    c.completionTp += overlap(
      added,
      expectedEdges.filter((_, k) => k >= statedTp),
    );
    c.completionFound += added.length;
    c.edgesExpected += expectedEdges.length;
  }

  lines(): string[] {
    const c = this.c;
    if (c.cases === 0) return [];
    const x = (n: number) => n.toFixed(3);
    return [
      `  stages (${c.cases} one-message cases):`,
      `    mentions    kind recall ${x(ratio(c.mentionTp, c.mentionExpected))}  precision ${x(ratio(c.mentionTp, c.mentionFound))}`,
      `    entities    kind F1 ${x(f1(c.entityTp, c.entityFound, c.entityExpected))}  (before completion)`,
      `    relations   stated edge precision ${x(ratio(c.stateTp, c.stateFound))}  recall ${x(ratio(c.stateTp, c.edgesExpected))}`,
      `    completion  added ${c.completionFound} edges, precision ${x(ratio(c.completionTp, c.completionFound))}`,
    ];
  }
}
