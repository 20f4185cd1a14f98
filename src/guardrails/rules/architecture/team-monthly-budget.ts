import { z } from 'zod';
import { defineArchitectureRule } from '../../rule.ts';

const Params = z.object({
  /**
   * Monthly budget in USD for everything a team runs (this proposal plus the team's other deployed stacks),
   * unless the team has its own entry.
   */
  defaultBudgetUsd: z.number().positive().default(5000),
  /** Budgets by team name. */
  budgets: z.record(z.string(), z.number().positive()).default({}),
});

/** Unpriced resources of the other stacks named in the message; the rest are counted. */
const MAX_UNPRICED_LISTED = 10;

const usd = (value: number): string => `$${value.toFixed(2)}`;
const cents = (value: number): number => Math.round(value * 100) / 100;

export default defineArchitectureRule<z.infer<typeof Params>>({
  id: 'team-monthly-budget',
  title: 'Monthly cost of all the team’s stacks stays within the team budget',
  severity: 'error',
  scope: 'architecture',
  params: Params,
  rationale:
    'Cost surprises are cheapest to catch before anything is created; each team has a monthly budget agreed with the infra org, for everything it runs.',
  remediation:
    'Reduce the estimated cost (smaller classes, fewer nodes, on-demand billing), here or in the team’s other stacks, or ask the infra org to raise the budget or grant a waiver.',
  references: [],
  check(_subject, context) {
    const team = context.architecture.team;
    const budget =
      (team !== null ? context.params.budgets[team] : undefined) ?? context.params.defaultBudgetUsd;
    if (context.cost === undefined) {
      return { status: 'unknown', reason: 'no cost estimate was computed for this architecture' };
    }
    const own = cents(context.cost.total);
    // The team's other stacks count too; this proposal replaces its own stack's baseline (the caller left it out).
    const others = team === null ? [] : [...(context.cost.team?.stacks ?? [])];
    const othersTotal = cents(others.reduce((sum, s) => sum + s.monthly, 0));
    const total = cents(own + othersTotal);
    // What has no price is never counted as zero: when the priced part stays within the budget, the answer is
    // unknown (a reviewer sees it), not a pass on a lower number.
    const unpricedHere = [...(context.cost.unpriced ?? [])];
    const unpricedElsewhere = others.flatMap((s) => s.unpriced.map((r) => `${s.stackName}: ${r}`));
    if (total <= budget && unpricedHere.length + unpricedElsewhere.length > 0) {
      const missing = [...unpricedHere, ...unpricedElsewhere];
      const shownMissing = missing.slice(0, MAX_UNPRICED_LISTED).join(', ');
      const moreMissing =
        missing.length > MAX_UNPRICED_LISTED ? ` and ${missing.length - MAX_UNPRICED_LISTED} more` : '';
      return {
        status: 'unknown',
        reason: `the monthly cost is unknown: ${missing.length} resource(s) have no price (${shownMissing}${moreMissing}); what could be priced comes to ${usd(total)} of the ${usd(budget)} budget`,
      };
    }
    if (total <= budget) return { status: 'pass' };
    const top = Object.entries(context.cost.byComponent)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, value]) => `${id} ${usd(value)}`)
      .join(', ');
    const whose = team === null ? 'default' : `team "${team}"`;
    const breakdown = [`this stack ${usd(own)}${top ? ` (largest: ${top})` : ''}`];
    if (team !== null && context.cost.team !== undefined) {
      const listed = others
        .sort((a, b) => b.monthly - a.monthly || a.stackName.localeCompare(b.stackName))
        .map((s) => `${s.stackName} ${usd(s.monthly)}`)
        .join(', ');
      breakdown.push(
        `the team's other stacks ${usd(othersTotal)}${listed ? ` (${listed})` : ' (none deployed)'}`,
      );
    } else if (team !== null) {
      breakdown.push(`the team's other stacks were not known here and are not counted`);
    }
    const unpriced = [...unpricedHere, ...unpricedElsewhere];
    const shown = unpriced.slice(0, MAX_UNPRICED_LISTED).join(', ');
    const more =
      unpriced.length > MAX_UNPRICED_LISTED ? ` and ${unpriced.length - MAX_UNPRICED_LISTED} more` : '';
    const notCounted =
      unpriced.length > 0
        ? ` Not priced (the cost is higher still, by an unknown amount): ${shown}${more}.`
        : '';
    return {
      status: 'fail',
      message: `Estimated monthly cost ${usd(total)} exceeds the ${whose} budget of ${usd(budget)}: ${breakdown.join('; ')}.${notCounted}`,
      actual: total,
      expected: budget,
    };
  },
});
