/**
 * What template and architecture evaluation share: the rule list, per-evaluation settings and contexts,
 * finding fingerprints and references, ordering, and the summary.
 */

import { escapePointerSegment } from '../cfn/json-pointer.ts';
import { applyWaivers } from './apply-waivers.ts';
import type { CompiledRuleSet } from './compile-rules.ts';
import { compileRules } from './compile-rules.ts';
import type { EvaluateOptions, Evaluation, EvaluationSummary } from './evaluation.ts';
import { fingerprint } from './fingerprint.ts';
import type { CompiledPolicy } from './policy-contract.ts';
import type { EffectiveRuleSettings } from './resolve-rule-settings.ts';
import { resolveRuleSettings } from './resolve-rule-settings.ts';
import type { AnyRule, Finding } from './rule.ts';
import { builtInRules } from './rules/index.ts';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const STATUS_RANK = { fail: 0, unknown: 1, waived: 2 } as const;

const withCustomRules = new WeakMap<CompiledPolicy, readonly AnyRule[]>();

/** The rule list for an evaluation: explicit rules, else the built-in pack plus the policy's custom rules. */
export function rulesFor(options: EvaluateOptions): CompiledRuleSet {
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

export function dotToPointer(base: string, path: string | undefined): string {
  if (path === undefined || path === '') return base;
  return `${base}/${path.split('.').map(escapePointerSegment).join('/')}`;
}

/** Per-evaluation memo of effective rule settings (rules compiled once; this part is cheap). */
export function settingsResolver(options: EvaluateOptions): (rule: AnyRule) => EffectiveRuleSettings {
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

export interface Collector {
  findings: Finding[];
  passed: number;
}

/**
 * Fingerprints are unique per evaluation. A rule runs once per subject, so repeats can only come from one
 * call returning several results on one path: those get `#2`, `#3`, ... (tracked per call, not globally).
 */
export function fingerprintsFor(ruleId: string, subject: string, pointers: readonly string[]): string[] {
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
export function referencesOf(rule: AnyRule): string[] {
  let list = referenceLists.get(rule);
  if (!list) {
    list = [...rule.references];
    referenceLists.set(rule, list);
  }
  return list;
}

export function unknownMessage(title: string, reason: string): string {
  return `Could not check "${title}": ${reason}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareText(a.resource ?? a.component ?? '', b.resource ?? b.component ?? '') ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.path ?? '', b.path ?? '') ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** What an evaluation covered: subjects evaluated, and those no enabled rule covers, by type or kind. */
export interface Coverage {
  readonly resources: number;
  readonly notChecked: ReadonlyMap<string, number>;
}

export function finish(
  collector: Collector,
  options: EvaluateOptions,
  rulesEvaluated: number,
  coverage: Coverage,
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
    resources: coverage.resources,
    notChecked: 0,
    notCheckedTypes: {},
  };
  for (const type of [...coverage.notChecked.keys()].sort()) {
    const count = coverage.notChecked.get(type) ?? 0;
    summary.notChecked += count;
    summary.notCheckedTypes[type] = count;
  }
  countFindings(summary, findings);
  return { findings, summary };
}

/** Add each finding to the summary's count: waived, unknown, or failing by severity. */
export function countFindings(
  summary: Pick<EvaluationSummary, 'errors' | 'warnings' | 'infos' | 'unknown' | 'waived'>,
  findings: readonly Finding[],
): void {
  for (const f of findings) {
    if (f.status === 'waived') summary.waived += 1;
    else if (f.status === 'unknown') summary.unknown += 1;
    else if (f.severity === 'error') summary.errors += 1;
    else if (f.severity === 'warning') summary.warnings += 1;
    else summary.infos += 1;
  }
}

/** A rule-level `unknown` finding (no subject), e.g. when the policy's params for it are invalid. */
export function ruleProblem(
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
export function contextResolver<C>(
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
