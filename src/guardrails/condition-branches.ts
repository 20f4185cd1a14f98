import { conditionAssignments } from './intrinsics/condition-assignments.ts';
import { intrinsicArg, intrinsicKey } from './intrinsics/intrinsic-key.ts';
import type { ResolveContext } from './intrinsics/resolve-context.ts';
import type { CheckResult, ResourceView, RuleContext, TemplateRule } from './rule.ts';
import { runCheck } from './run-check.ts';
import type { CfnTemplateIndex } from './template-index.ts';
import { buildTemplateIndex } from './template-index.ts';

/** Conditions a resource explores at most; more and its unknowns stay unknown. */
const MAX_CONDITIONS = 6;

/** Condition names of the `Fn::If`s in a value. */
function ifConditions(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 200 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) ifConditions(item, out, depth + 1);
    return;
  }
  if (intrinsicKey(value) === 'Fn::If') {
    const arg = intrinsicArg(value, 'Fn::If');
    if (Array.isArray(arg) && typeof arg[0] === 'string') out.add(arg[0]);
  }
  for (const key in value) ifConditions((value as Record<string, unknown>)[key], out, depth + 1);
}

function worst(results: readonly CheckResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'fail')) return 2;
  return results.some((r) => r.status === 'unknown') ? 1 : 0;
}

function describe(assignment: Record<string, boolean>): string {
  return Object.entries(assignment)
    .map(([name, value]) => `${name} is ${value}`)
    .join(', ');
}

/**
 * `Fn::If` on conditions that depend on parameters without a value: instead of `unknown`, the rule runs once
 * per branch combination the parameters can reach, and the resource fails only when a failing branch can be
 * taken (the message says which), passes when every reachable branch passes, and stays unknown otherwise.
 * Used only for resources whose first check came back unknown, so decided templates pay nothing.
 */
export class ConditionBranches {
  private readonly undecided = new Map<string, readonly string[]>();
  private readonly assignments = new Map<string, Record<string, boolean>[] | undefined>();
  private readonly indexes = new Map<string, CfnTemplateIndex>();

  constructor(
    private readonly template: Readonly<Record<string, unknown>>,
    private readonly context: ResolveContext,
    private readonly index: CfnTemplateIndex,
  ) {}

  /** The results to report: `results` unless exploring the branches decides more. */
  decide(
    rule: TemplateRule<never>,
    resource: ResourceView,
    context: RuleContext<never>,
    results: readonly CheckResult[],
  ): readonly CheckResult[] {
    if (!results.some((r) => r.status === 'unknown')) return results;
    const names = this.undecidedOf(resource);
    if (names.length === 0) return results;
    const key = names.join('\u0000');
    if (!this.assignments.has(key)) {
      this.assignments.set(key, conditionAssignments(this.template, this.context, names));
    }
    const assignments = this.assignments.get(key);
    if (!assignments || assignments.length === 0) return results;
    let chosen: { results: readonly CheckResult[]; assignment: Record<string, boolean> } | undefined;
    for (const assignment of assignments) {
      const index = this.indexFor(assignment);
      const view = index.resource(resource.logicalId);
      if (!view) continue;
      const created = index.created(view);
      if (created.known && !created.value) continue;
      const branch = runCheck(() => rule.check(view, { ...context, index }));
      if (!chosen || worst(branch) > worst(chosen.results)) chosen = { results: branch, assignment };
      if (worst(branch) === 2) break;
    }
    if (!chosen || worst(chosen.results) === 1) return results;
    const when = describe(chosen.assignment);
    return chosen.results.map((r) =>
      r.status === 'fail' ? { ...r, message: `${r.message} (when ${when})` } : r,
    );
  }

  private undecidedOf(resource: ResourceView): readonly string[] {
    let names = this.undecided.get(resource.logicalId);
    if (!names) {
      const found = new Set<string>();
      ifConditions(resource.raw.Properties, found);
      names = [...found].filter((name) => !this.index.condition(name).known).sort();
      if (names.length > MAX_CONDITIONS) names = [];
      this.undecided.set(resource.logicalId, names);
    }
    return names;
  }

  private indexFor(assignment: Record<string, boolean>): CfnTemplateIndex {
    const key = JSON.stringify(assignment);
    let index = this.indexes.get(key);
    if (!index) {
      index = buildTemplateIndex(this.template, { ...this.context, conditionValues: assignment });
      this.indexes.set(key, index);
    }
    return index;
  }
}
