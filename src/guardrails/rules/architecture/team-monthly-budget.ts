import { z } from 'zod';
import { defineArchitectureRule } from '../../rule.ts';

const Params = z.object({
  /** Monthly budget in USD for one architecture of a team, unless the team has its own entry. */
  defaultBudgetUsd: z.number().positive().default(5000),
  /** Budgets by team name. */
  budgets: z.record(z.string(), z.number().positive()).default({}),
});

export default defineArchitectureRule<z.infer<typeof Params>>({
  id: 'team-monthly-budget',
  title: 'Monthly cost stays within the team budget',
  severity: 'error',
  scope: 'architecture',
  params: Params,
  rationale:
    'Cost surprises are cheapest to catch before anything is created; each team has a monthly budget agreed with the infra org.',
  remediation:
    'Reduce the estimated cost (smaller classes, fewer nodes, on-demand billing) or ask the infra org to raise the budget or grant a waiver.',
  references: [],
  check(_subject, context) {
    const team = context.architecture.team;
    const budget =
      (team !== null ? context.params.budgets[team] : undefined) ?? context.params.defaultBudgetUsd;
    if (context.cost === undefined) {
      return { status: 'unknown', reason: 'no cost estimate was computed for this architecture' };
    }
    const total = Math.round(context.cost.total * 100) / 100;
    if (total <= budget) return { status: 'pass' };
    const top = Object.entries(context.cost.byComponent)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, usd]) => `${id} $${usd.toFixed(2)}`)
      .join(', ');
    return {
      status: 'fail',
      message: `Estimated monthly cost $${total.toFixed(2)} exceeds the ${team === null ? 'default' : `team "${team}"`} budget of $${budget.toFixed(2)}${top ? ` (largest: ${top})` : ''}.`,
      actual: total,
      expected: budget,
    };
  },
});
