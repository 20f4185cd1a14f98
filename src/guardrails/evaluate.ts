import type { Operation } from '../model/operations.ts';
import { ConditionBranches } from './condition-branches.ts';
import type { EvaluateOptions, Evaluation } from './evaluation.ts';
import {
  type Collector,
  contextResolver,
  dotToPointer,
  fingerprintsFor,
  finish,
  referencesOf,
  rulesFor,
  settingsResolver,
  unknownMessage,
} from './evaluation-support.ts';
import { fingerprint, fingerprintOfPointer } from './fingerprint.ts';
import { applyInlineSuppressions } from './inline-suppressions.ts';
import type { ResolveContext } from './intrinsics/resolve-context.ts';
import { pathSegments } from './path-segments.ts';
import type { EffectiveRuleSettings } from './resolve-rule-settings.ts';
import type {
  AnyRule,
  CheckResult,
  Finding,
  JsonPatchOp,
  ResourceView,
  RuleContext,
  TemplateRule,
} from './rule.ts';
import { checkFailed, isSinglePass, normalizeResults } from './run-check.ts';
import { problemFindings, toSourceFindings } from './source-findings.ts';
import { buildTemplateIndex } from './template-index.ts';
import { expandTemplate } from './transforms/expand-template.ts';

export { evaluateArchitecture } from './evaluate-architecture.ts';
export type { EvaluateOptions, Evaluation, EvaluationSummary } from './evaluation.ts';

/**
 * What pseudo parameters and parameters resolve to: the caller's deployment facts (`--region`, the request),
 * else the policy's (`deployment.region` / `deployment.partition`); a region given by the caller decides the
 * partition too.
 */
function deploymentContext(options: EvaluateOptions): ResolveContext {
  const fromPolicy = options.policy?.deployment ?? {};
  const given = options.deployment ?? {};
  return {
    ...(given.region === undefined ? fromPolicy : {}),
    ...given,
    ...(options.context.parameters ? { parameters: options.context.parameters } : {}),
  };
}

/** A template rule as it runs in one evaluation: its context and effective severity, resolved once. */
interface PlannedRule {
  readonly rule: TemplateRule<never>;
  readonly context: RuleContext<never>;
  readonly severity: Finding['severity'];
}

function templateFix(
  rule: TemplateRule<never>,
  resource: ResourceView,
  context: RuleContext<never>,
): Finding['fix'] | undefined {
  const fix = rule.fix;
  if (!fix) return undefined;
  let patch: JsonPatchOp[] | undefined;
  try {
    patch = fix.patch(resource, context);
  } catch {
    patch = undefined;
  }
  let operations: Operation[] | undefined;
  try {
    operations = resource.component && fix.operations ? fix.operations(resource, context) : undefined;
  } catch {
    operations = undefined;
  }
  if ((!patch || patch.length === 0) && (!operations || operations.length === 0)) return undefined;
  return {
    description: fix.description,
    safe: fix.safe,
    ...(patch && patch.length > 0 ? { patch } : {}),
    ...(operations && operations.length > 0 ? { operations } : {}),
  };
}

const RESOURCE_ATTRIBUTES = new Set([
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'DependsOn',
  'Condition',
  'Metadata',
  'UpdatePolicy',
  'CreationPolicy',
]);

/** Whether a result path names a property, rather than a resource attribute no property is named after. */
function isPropertyPath(resource: ResourceView, path: string): boolean {
  const first = path === '' ? '' : pathSegments(path).first;
  if (!RESOURCE_ATTRIBUTES.has(first)) return true;
  const properties = resource.raw.Properties;
  return typeof properties === 'object' && properties !== null && Object.hasOwn(properties, first);
}

/**
 * JSON pointer of a result path: a property path (`A.B` → `/Resources/X/Properties/A/B`), or a resource
 * attribute such as `DeletionPolicy` (→ `/Resources/X/DeletionPolicy`) when no property has that name.
 */
function pointerFor(resource: ResourceView, path: string | undefined): string {
  if (path === undefined) return resource.pointer;
  return isPropertyPath(resource, path) ? resource.pointerOf(path) : dotToPointer(resource.pointer, path);
}

function templateFinding(
  rule: TemplateRule<never>,
  severity: Finding['severity'],
  resource: ResourceView,
  context: RuleContext<never>,
  result: Exclude<CheckResult, { status: 'pass' }>,
  path: string,
  fingerprintText: string,
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    title: rule.title,
    severity,
    status: result.status,
    resource: resource.logicalId,
    resourceType: resource.type,
    path,
    message: result.status === 'fail' ? result.message : unknownMessage(rule.title, result.reason),
    remediation: rule.remediation,
    references: referencesOf(rule),
    fingerprint: fingerprintText,
  };
  if (resource.component !== undefined) finding.component = resource.component;
  if (result.status === 'fail') {
    const fix = templateFix(rule, resource, context);
    if (fix) finding.fix = fix;
  }
  return finding;
}

function addTemplateResults(
  collector: Collector,
  rule: TemplateRule<never>,
  severity: Finding['severity'],
  resource: ResourceView,
  context: RuleContext<never>,
  results: readonly CheckResult[],
): void {
  let reported = 0;
  let only: Exclude<CheckResult, { status: 'pass' }> | undefined;
  for (const result of results) {
    if (result.status === 'pass') continue;
    reported += 1;
    only = result;
  }
  collector.passed += results.length - reported;
  if (only === undefined) return;
  // The common case, one finding, without the lists below.
  if (reported === 1) {
    const at = only.path;
    let path: string;
    let text: string;
    if (at !== undefined && at !== '' && isPropertyPath(resource, at)) {
      // resource.pointerOf(at), kept in its two shared pieces for hashing.
      const tail = pathSegments(at).underProperties;
      path = resource.pointer + tail;
      text = fingerprintOfPointer(rule.id, resource.logicalId, resource.pointer, tail);
    } else {
      path = pointerFor(resource, at);
      text = fingerprint(rule.id, resource.logicalId, path);
    }
    collector.findings.push(templateFinding(rule, severity, resource, context, only, path, text));
    return;
  }
  const failing = results.filter((r) => r.status !== 'pass');
  const pointers = failing.map((r) => pointerFor(resource, r.path));
  const fingerprints = fingerprintsFor(rule.id, resource.logicalId, pointers);
  failing.forEach((result, i) => {
    const path = pointers[i] as string;
    const text = fingerprints[i] as string;
    collector.findings.push(templateFinding(rule, severity, resource, context, result, path, text));
  });
}

/**
 * The enabled rules of a resource type with their context and severity, resolved once per evaluation and
 * type. Worked out on the type's first created resource, so a rule with invalid params is reported (by
 * contextOf) only when it would run.
 */
function planRules(
  rules: readonly TemplateRule<never>[],
  contextOf: (rule: AnyRule) => RuleContext<never> | null,
  settingsOf: (rule: AnyRule) => EffectiveRuleSettings,
): PlannedRule[] {
  const planned: PlannedRule[] = [];
  for (const rule of rules) {
    const context = contextOf(rule);
    if (context !== null) planned.push({ rule, context, severity: settingsOf(rule).severity });
  }
  return planned;
}

/**
 * Evaluate a CloudFormation template (long-form intrinsics; use parseTemplateText for text) against the
 * rules. One pass over the resources, each dispatched to the rules registered for its type. Never throws
 * for a bad template or a broken rule: those become `unknown` findings.
 */
export function evaluateTemplate(
  template: Readonly<Record<string, unknown>>,
  options: EvaluateOptions,
): Evaluation {
  const compiled = rulesFor(options);
  const resolveContext = deploymentContext(options);
  const expanded = expandTemplate(template, resolveContext);
  const index = buildTemplateIndex(expanded.template, resolveContext);
  const settingsOf = settingsResolver(options);
  const collector: Collector = { findings: [], passed: 0 };
  const branches = new ConditionBranches(expanded.template, resolveContext, index);
  const { team, environment } = options.context;
  const now = options.context.now ?? new Date();
  const contextOf = contextResolver<RuleContext<never>>(collector, settingsOf, (params) => ({
    index,
    params,
    team,
    environment,
    now,
  }));

  // What runs on a resource of each type, worked out on its first created resource (see planRules).
  const plans = new Map<string, readonly PlannedRule[]>();
  // Resources as written that some enabled rule looked at (through what a transform made of them, too).
  const checked = new Set<string>();
  for (const resource of index.resources) {
    const rules = compiled.templateRulesFor(resource.type);
    if (rules.length === 0) continue;
    const created = index.created(resource);
    const written = expanded.origins.get(resource.logicalId)?.logicalId ?? resource.logicalId;
    if (created.known && !created.value) {
      checked.add(written); // not created: nothing to check, and nothing left unchecked
      continue;
    }
    let plan = plans.get(resource.type);
    if (plan === undefined) {
      plan = planRules(rules, contextOf, settingsOf);
      plans.set(resource.type, plan);
    }
    if (plan.length > 0) checked.add(written);
    for (const { rule, context, severity } of plan) {
      let raw: unknown;
      try {
        raw = rule.check(resource, context);
      } catch (error) {
        raw = checkFailed(error);
      }
      if (isSinglePass(raw)) {
        collector.passed += 1;
        continue;
      }
      const results = branches.decide(rule, resource, context, normalizeResults(raw));
      addTemplateResults(collector, rule, severity, resource, context, results);
    }
  }
  toSourceFindings(collector.findings, expanded.origins);
  applyInlineSuppressions(
    collector.findings,
    (id) => {
      const resource = expanded.writtenResources[id];
      return typeof resource === 'object' && resource !== null
        ? (resource as { Metadata?: unknown }).Metadata
        : undefined;
    },
    options.policy?.honourInlineSuppressions === true,
  );
  if (expanded.problems.length > 0) collector.findings.push(...problemFindings(expanded.problems));
  const notChecked = new Map<string, number>();
  for (const [id, type] of expanded.written) {
    if (!checked.has(id)) notChecked.set(type, (notChecked.get(type) ?? 0) + 1);
  }
  const rulesEvaluated = compiled.templateRules.filter((rule) => settingsOf(rule).enabled).length;
  return finish(collector, options, rulesEvaluated, { resources: expanded.written.size, notChecked });
}
