import type { Adjudication } from './adjudications.ts';
import { adjudicationKey } from './adjudications.ts';
import type { Agreement } from './agreement.ts';
import { agreementOf, ratio } from './agreement.ts';
import type { Expectation } from './expectation.ts';

function line(a: Agreement): string {
  const judged =
    a.total === a.agreed
      ? ''
      : `  (disagreements: ${a.oursRight} we are right, ${a.referenceRight} the reference is right, ${a.unjudged} unjudged)`;
  return `  ${a.id.padEnd(56)} ${String(a.agreed).padStart(4)}/${String(a.total).padEnd(4)} ${ratio(a).toFixed(3)}${judged}`;
}

/** What a suite's target is measured on: every id on its own (Checkov), or the suite overall (Guard). */
export type TargetScope = 'each id' | 'overall';

/**
 * The report of one suite: agreement per id, overall, whether the target is met (on each id or overall),
 * then every disagreement with who is right and why (or "unjudged").
 */
export function formatSuite(
  title: string,
  expectations: readonly Expectation[],
  judged: Map<string, Adjudication>,
  target: number,
  scope: TargetScope,
): { text: string; overall: Agreement; below: string[]; met: boolean } {
  const { perId, overall } = agreementOf(expectations, judged);
  const below = perId.filter((a) => ratio(a) < target).map((a) => a.id);
  const met = scope === 'each id' ? below.length === 0 : ratio(overall) >= target;
  const out: string[] = [`${title}: agreement per cited id (expectations met / expectations)`];
  for (const a of perId) out.push(line(a));
  out.push(line(overall));
  if (below.length > 0) out.push(`  below ${target}: ${below.join(', ')}`);
  out.push(
    `  target (${scope === 'each id' ? 'every id' : 'overall'} at or above ${target}): ${met ? 'met' : 'not met'}`,
  );
  const disagreements = expectations.filter((e) => !e.agrees);
  if (disagreements.length > 0) out.push('', `${title}: disagreements`);
  for (const e of disagreements) {
    const judgement = judged.get(adjudicationKey(e));
    const who = judgement
      ? `${judgement.right === 'ours' ? 'we are right' : 'the reference is right'}: ${judgement.why}`
      : 'unjudged';
    out.push(`  ${e.id} ${e.fixture} ${e.subject}: expected ${e.expected}, ours ${e.ours} — ${who}`);
  }
  return { text: out.join('\n'), overall, below, met };
}

/**
 * Adjudications of the suites that ran that match no disagreement any more (the rule or the reference
 * changed): shown so the file keeps saying only what is true.
 */
export function staleAdjudications(
  judged: Map<string, Adjudication>,
  expectations: readonly Expectation[],
  suites: ReadonlySet<Adjudication['suite']>,
): Adjudication[] {
  const disagreeing = new Set(expectations.filter((e) => !e.agrees).map(adjudicationKey));
  return [...judged.entries()]
    .filter(([key, a]) => suites.has(a.suite) && !disagreeing.has(key))
    .map(([, a]) => a);
}
