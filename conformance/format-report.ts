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

/**
 * The report of one suite: agreement per id, overall, whether each id meets `target`, then every
 * disagreement with who is right and why (or "unjudged").
 */
export function formatSuite(
  title: string,
  expectations: readonly Expectation[],
  judged: Map<string, Adjudication>,
  target: number,
): { text: string; overall: Agreement; below: string[] } {
  const { perId, overall } = agreementOf(expectations, judged);
  const below = perId.filter((a) => ratio(a) < target).map((a) => a.id);
  const out: string[] = [`${title}: agreement per cited id (expectations met / expectations)`];
  for (const a of perId) out.push(line(a));
  out.push(line(overall));
  out.push(
    below.length === 0 ? `  every id at or above ${target}` : `  below ${target}: ${below.join(', ')}`,
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
  return { text: out.join('\n'), overall, below };
}
