import { escapePointerSegment } from '../cfn/json-pointer.ts';
import type { Architecture, Component, Connection } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';
import { applyWaivers } from './apply-waivers.ts';
import type { CompiledRuleSet } from './compile-rules.ts';
import { compileRules } from './compile-rules.ts';
import type { EvaluateOptions, Evaluation, EvaluationSummary } from './evaluation.ts';
import { fingerprint, fingerprintOfPointer } from './fingerprint.ts';
import { pathSegments } from './path-segments.ts';
import type { CompiledPolicy } from './policy-contract.ts';
import { resolveRuleSettings } from './resolve-rule-settings.ts';
import type { EffectiveRuleSettings } from './resolve-rule-settings.ts';
import type {
  AnyRule,
  ArchitectureContext,
  ArchitectureRule,
  CheckResult,
  Finding,
  JsonPatchOp,
  ResourceView,
  RuleContext,
  TemplateRule,
} from './rule.ts';
import { builtInRules } from './rules/index.ts';
import { checkFailed, isSinglePass, normalizeResults, runCheck } from './run-check.ts';
import { buildTemplateIndex } from './template-index.ts';

export type { EvaluateOptions, Evaluation, EvaluationSummary } from './evaluation.ts';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const STATUS_RANK = { fail: 0, unknown: 1, waived: 2 } as const;

const withCustomRules = new WeakMap<CompiledPolicy, readonly AnyRule[]>();

/** The rule list for an evaluation: explicit rules, else the built-in pack plus the policy's custom rules. */
function rulesFor(options: EvaluateOptions): CompiledRuleSet {
  if (options.rules) return compileRules(options.rules);
  const policy = options.policy;
  if (!policy || policy.customRules.length === 0) return compileRules(builtInRules);
  let rules = withCustomRules.get(policy);
  if (!rules) {
    rules = [...builtInRules, ...policy.customRules];
    withCustomRules.set(policy, rules);
  }
  return compileRules(rules);
}

function dotToPointer(base: string, path: string | undefined): string {
  if (path === undefined || path === '') return base;
  return `${base}/${path.split('.').map(escapePointerSegment).join('/')}`;
}

/** Per-evaluation memo of effective rule settings (rules compiled once; this part is cheap). */
function settingsResolver(options: EvaluateOptions): (rule: AnyRule) => EffectiveRuleSettings {
  const memo = new Map<AnyRule, EffectiveRuleSettings>();
  const { team, environment } = options.context;
  return (rule) => {
    let settings = memo.get(rule);
    if (!settings) {
      settings = resolveRuleSettings(rule, options.policy, team, environment);
      memo.set(rule, settings);
    }
    return settings;
  };
}

/** A template rule as it runs in one evaluation: its context and effective severity, resolved once. */
interface PlannedRule {
  readonly rule: TemplateRule<never>;
  readonly context: RuleContext<never>;
  readonly severity: Finding['severity'];
}

interface Collector {
  findings: Finding[];
  passed: number;
}

/**
 * Fingerprints are unique per evaluation. A rule runs once per subject, so repeats can only come from one
 * call returning several results on one path: those get `#2`, `#3`, ... (tracked per call, not globally).
 */
function fingerprintsFor(ruleId: string, subject: string, pointers: readonly string[]): string[] {
  if (pointers.length === 1) return [fingerprint(ruleId, subject, pointers[0] as string)];
  const seen = new Map<string, number>();
  return pointers.map((pointer) => {
    const n = (seen.get(pointer) ?? 0) + 1;
    seen.set(pointer, n);
    return fingerprint(ruleId, subject, n === 1 ? pointer : `${pointer}#${n}`);
  });
}

const referenceLists = new WeakMap<AnyRule, string[]>();

/** One shared copy of a rule's references for all its findings (findings are read-only output). */
function referencesOf(rule: AnyRule): string[] {
  let list = referenceLists.get(rule);
  if (!list) {
    list = [...rule.references];
    referenceLists.set(rule, list);
  }
  return list;
}

function unknownMessage(title: string, reason: string): string {
  return `Could not check "${title}": ${reason}`;
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareText(a.resource ?? a.component ?? '', b.resource ?? b.component ?? '') ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.path ?? '', b.path ?? '') ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function finish(
  collector: Collector,
  options: EvaluateOptions,
  rulesEvaluated: number,
  resources: number,
): Evaluation {
  const findings = applyWaivers(collector.findings, options.waivers ?? [], options.context).sort(
    compareFindings,
  );
  const summary: EvaluationSummary = {
    errors: 0,
    warnings: 0,
    infos: 0,
    unknown: 0,
    waived: 0,
    passed: collector.passed,
    rulesEvaluated,
    resources,
  };
  for (const f of findings) {
    if (f.status === 'waived') summary.waived += 1;
    else if (f.status === 'unknown') summary.unknown += 1;
    else if (f.severity === 'error') summary.errors += 1;
    else if (f.severity === 'warning') summary.warnings += 1;
    else summary.infos += 1;
  }
  return { findings, summary };
}

/** A rule-level `unknown` finding (no subject), e.g. when the policy's params for it are invalid. */
function ruleProblem(
  collector: Collector,
  rule: AnyRule,
  severity: Finding['severity'],
  reason: string,
): void {
  collector.findings.push({
    ruleId: rule.id,
    title: rule.title,
    severity,
    status: 'unknown',
    message: unknownMessage(rule.title, reason),
    remediation: rule.remediation,
    references: referencesOf(rule),
    fingerprint: fingerprint(rule.id, '', ''),
  });
}

/**
 * Per-evaluation memo of each rule's context, built once from its parsed params; null when the rule is
 * disabled or its params are invalid (then reported once as a rule-level `unknown` finding).
 */
function contextResolver<C>(
  collector: Collector,
  settingsOf: (rule: AnyRule) => EffectiveRuleSettings,
  build: (params: never) => C,
): (rule: AnyRule) => C | null {
  const contexts = new Map<AnyRule, C | null>();
  return (rule) => {
    let context = contexts.get(rule);
    if (context === undefined) {
      const settings = settingsOf(rule);
      if (!settings.enabled) context = null;
      else if (!settings.params.ok) {
        ruleProblem(collector, rule, settings.severity, settings.params.reason);
        context = null;
      } else context = build(settings.params.value as never);
      contexts.set(rule, context);
    }
    return context;
  };
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
  const index = buildTemplateIndex(template, {
    ...options.deployment,
    ...(options.context.parameters ? { parameters: options.context.parameters } : {}),
  });
  const settingsOf = settingsResolver(options);
  const collector: Collector = { findings: [], passed: 0 };
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
  for (const resource of index.resources) {
    const rules = compiled.templateRulesFor(resource.type);
    if (rules.length === 0) continue;
    const created = index.created(resource);
    if (created.known && !created.value) continue;
    let plan = plans.get(resource.type);
    if (plan === undefined) {
      plan = planRules(rules, contextOf, settingsOf);
      plans.set(resource.type, plan);
    }
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
      const results = normalizeResults(raw);
      addTemplateResults(collector, rule, severity, resource, context, results);
    }
  }
  const rulesEvaluated = compiled.templateRules.filter((rule) => settingsOf(rule).enabled).length;
  return finish(collector, options, rulesEvaluated, index.resources.length);
}

function architectureContext(
  architecture: Architecture,
  cost: EvaluateOptions['cost'],
): Omit<ArchitectureContext<never>, 'params'> {
  const byId = new Map<string, Component>();
  for (const component of architecture.components) byId.set(component.id, component);
  const from = new Map<string, Connection[]>();
  const to = new Map<string, Connection[]>();
  const add = (map: Map<string, Connection[]>, id: string, connection: Connection) => {
    const list = map.get(id);
    if (list) list.push(connection);
    else map.set(id, [connection]);
  };
  for (const connection of architecture.connections) {
    add(from, connection.from, connection);
    add(to, connection.to, connection);
  }
  return {
    architecture,
    cost,
    component: (id) => byId.get(id),
    connectionsFrom: (id) => from.get(id) ?? [],
    connectionsTo: (id) => to.get(id) ?? [],
  };
}

function addArchitectureResults(
  collector: Collector,
  rule: ArchitectureRule<never>,
  severity: Finding['severity'],
  subject: Component | undefined,
  componentIndex: number,
  context: ArchitectureContext<never>,
  results: readonly CheckResult[],
): void {
  const reported = results.filter((r) => r.status !== 'pass');
  collector.passed += results.length - reported.length;
  if (reported.length === 0) return;
  const base = subject ? `/components/${componentIndex}` : '';
  const pointers = reported.map((r) => dotToPointer(base, r.path));
  const fingerprints = fingerprintsFor(rule.id, subject?.id ?? '', pointers);
  reported.forEach((result, i) => {
    const finding: Finding = {
      ruleId: rule.id,
      title: rule.title,
      severity,
      status: result.status,
      ...(subject ? { component: subject.id } : {}),
      path: pointers[i] as string,
      message: result.status === 'fail' ? result.message : unknownMessage(rule.title, result.reason),
      remediation: rule.remediation,
      references: referencesOf(rule),
      fingerprint: fingerprints[i] as string,
    };
    if (result.status === 'fail' && rule.fix) {
      try {
        const operations = rule.fix.operations(subject, context);
        if (operations.length > 0) {
          finding.fix = { description: rule.fix.description, safe: rule.fix.safe, operations };
        }
      } catch {
        // A fix that cannot be computed is simply not offered; the finding stands.
      }
    }
    collector.findings.push(finding);
  });
}

/**
 * Evaluate an architecture (intent graph) against the architecture rules: component-scoped rules once per
 * component of their kinds, graph-scoped rules once. Never throws for a broken rule.
 */
export function evaluateArchitecture(architecture: Architecture, options: EvaluateOptions): Evaluation {
  const compiled = rulesFor(options);
  const settingsOf = settingsResolver(options);
  const collector: Collector = { findings: [], passed: 0 };
  const shared = architectureContext(architecture, options.cost);
  const contextOf = contextResolver<ArchitectureContext<never>>(collector, settingsOf, (params) => ({
    ...shared,
    params,
  }));
  const run = (rule: ArchitectureRule<never>, subject: Component | undefined, index: number) => {
    const context = contextOf(rule);
    if (context === null) return;
    const results = runCheck(() => rule.check(subject, context));
    addArchitectureResults(collector, rule, settingsOf(rule).severity, subject, index, context, results);
  };
  for (const rule of compiled.graphRules) run(rule, undefined, -1);
  architecture.components.forEach((component, index) => {
    for (const rule of compiled.architectureRulesFor(component.kind)) run(rule, component, index);
  });
  const rulesEvaluated = compiled.architectureRules.filter((rule) => settingsOf(rule).enabled).length;
  return finish(collector, options, rulesEvaluated, architecture.components.length);
}
