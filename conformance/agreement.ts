import type { Adjudication } from './adjudications.ts';
import { adjudicationKey } from './adjudications.ts';
import type { Expectation } from './expectation.ts';

/** Agreement of one reference id (or of a whole suite): expectations met, and the disagreements judged. */
export interface Agreement {
  readonly id: string;
  readonly total: number;
  readonly agreed: number;
  /** Disagreements where the committed adjudication says we are right. */
  readonly oursRight: number;
  /** Disagreements where the adjudication says the reference is right. */
  readonly referenceRight: number;
  /** Disagreements nobody has judged yet. */
  readonly unjudged: number;
}

export function ratio(a: Pick<Agreement, 'agreed' | 'total'>): number {
  return a.total === 0 ? 1 : a.agreed / a.total;
}

function tally(id: string, list: readonly Expectation[], judged: Map<string, Adjudication>): Agreement {
  let agreed = 0;
  let oursRight = 0;
  let referenceRight = 0;
  let unjudged = 0;
  for (const e of list) {
    if (e.agrees) agreed += 1;
    else {
      const verdict = judged.get(adjudicationKey(e))?.right;
      if (verdict === 'ours') oursRight += 1;
      else if (verdict === 'reference') referenceRight += 1;
      else unjudged += 1;
    }
  }
  return { id, total: list.length, agreed, oursRight, referenceRight, unjudged };
}

/** Agreement per reference id, sorted by id, and over all of them. */
export function agreementOf(
  expectations: readonly Expectation[],
  judged: Map<string, Adjudication>,
): { perId: Agreement[]; overall: Agreement } {
  const byId = new Map<string, Expectation[]>();
  for (const e of expectations) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  const perId = [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([id, list]) => tally(id, list, judged));
  return { perId, overall: tally('overall', expectations, judged) };
}
