import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { RuleSetting } from '../policy-contract.ts';
import type { AnyRule } from '../rule.ts';
import type { Condition, ConditionIssue } from './condition.ts';
import { parseCondition } from './condition.ts';
import { PolicyInvalidError } from './policy-invalid-error.ts';
import type { PolicyIssue } from './policy-invalid-error.ts';
import type { CustomRuleDefinition, Policy } from './policy-schema.ts';
import { PolicyDocSchema, type RuleSettingSchema } from './policy-schema.ts';

/** Policy documents longer than this (characters) are refused before parsing. */
export const MAX_POLICY_LENGTH = 1_000_000;

export interface ParsePolicyOptions {
  /** The file name or draft label used in error messages. */
  source: string;
  /**
   * The rules the policy will run with (the built-in pack). When given, rule ids in `rules:` must exist,
   * custom rule ids must not collide with them, and `params` must satisfy each rule's params schema.
   */
  knownRules?: readonly AnyRule[];
}

/**
 * Parses and validates one policy document. Every problem is reported at once, each with the 1-based line
 * and column of the offending node and its path in the document.
 * @throws PolicyInvalidError
 */
export function parsePolicy(text: string, options: ParsePolicyOptions): Policy {
  const { source } = options;
  if (text.length > MAX_POLICY_LENGTH) {
    throw new PolicyInvalidError([
      {
        line: 1,
        column: 1,
        path: '',
        source,
        message: `the document is ${text.length} characters long; expected at most ${MAX_POLICY_LENGTH}`,
      },
    ]);
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(docs)) return emptyPolicy(source);
  const syntax = docs.flatMap((d) => d.errors);
  if (syntax.length > 0) {
    throw new PolicyInvalidError(
      syntax.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          line: pos.line,
          column: pos.col,
          path: '',
          source,
          message: e.message.split('\n')[0] ?? e.message,
        };
      }),
    );
  }
  const parts: Policy[] = [];
  const issues: PolicyIssue[] = [];
  for (const doc of docs) {
    try {
      parts.push(parseOne(doc, lineCounter, options));
    } catch (error) {
      if (!(error instanceof PolicyInvalidError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new PolicyInvalidError(sortIssues(issues));
  return parts.length === 0 ? emptyPolicy(source) : mergePolicies(parts);
}

/** An empty policy: every built-in rule on with its defaults. */
export function emptyPolicy(source: string): Policy {
  return { sources: [source], waivers: { maxDays: 90 }, rules: {}, customRules: [] };
}

/**
 * Merges policies in order: settings for a rule are concatenated (later matching ones win), custom rules are
 * concatenated (a duplicate id is an error), the waiver maximum is the strictest.
 */
export function mergePolicies(policies: readonly Policy[]): Policy {
  const rules: Record<string, RuleSetting[]> = {};
  const customRules: CustomRuleDefinition[] = [];
  const origin = new Map<string, string>();
  for (const p of policies) {
    for (const [id, settings] of Object.entries(p.rules)) rules[id] = [...(rules[id] ?? []), ...settings];
    for (const rule of p.customRules) {
      const previous = origin.get(rule.id);
      if (previous !== undefined) {
        throw new PolicyInvalidError([
          {
            line: 1,
            column: 1,
            path: 'customRules',
            source: p.sources.join(', '),
            message: `custom rule "${rule.id}" is also declared in ${previous}`,
          },
        ]);
      }
      origin.set(rule.id, p.sources.join(', '));
      customRules.push(rule);
    }
  }
  const deployment = Object.assign({}, ...policies.map((p) => p.deployment ?? {}));
  return {
    sources: [...new Set(policies.flatMap((p) => p.sources))],
    waivers: { maxDays: Math.min(...policies.map((p) => p.waivers.maxDays)) },
    rules,
    customRules,
    ...(Object.keys(deployment).length > 0 ? { deployment } : {}),
    // the strictest wins: honoured only when every file says so
    honourInlineSuppressions: policies.every((p) => p.honourInlineSuppressions === true),
  };
}

function parseOne(doc: Document, lineCounter: LineCounter, options: ParsePolicyOptions): Policy {
  const { source } = options;
  const locate = (path: (string | number)[], key?: string): { line: number; column: number } => {
    const offset = offsetOf(doc, path, key);
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const issue = (path: (string | number)[], message: string, key?: string): PolicyIssue => ({
    ...locate(path, key),
    path: formatPath(key === undefined ? path : [...path, key]),
    message,
    source,
  });

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when the document is converted.
    throw new PolicyInvalidError([issue([], (error as Error).message.split('\n')[0] ?? 'invalid YAML')]);
  }
  const parsed = PolicyDocSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyInvalidError(
      sortIssues(flattenZodIssues(parsed.error.issues, []).flatMap((i) => zodIssue(i, issue))),
    );
  }

  const issues: PolicyIssue[] = [];
  const conditionIssues: ConditionIssue[] = [];
  const rules: Record<string, RuleSetting[]> = {};
  for (const [id, setting] of Object.entries(parsed.data.rules)) {
    rules[id] = (Array.isArray(setting) ? setting : [setting]).map(normaliseSetting);
  }
  const customRules: CustomRuleDefinition[] = [];
  const seen = new Map<string, number>();
  parsed.data.customRules.forEach((doc, i) => {
    const at = ['customRules', i];
    const previous = seen.get(doc.id);
    if (previous !== undefined) {
      issues.push(
        issue([...at, 'id'], `duplicate custom rule id "${doc.id}" (also customRules[${previous}])`),
      );
    }
    seen.set(doc.id, i);
    const level = doc.resourceType !== undefined ? 'template' : 'architecture';
    const before = conditionIssues.length;
    const condition = parseCondition(doc.condition, [...at, 'condition'], level, conditionIssues);
    const where =
      doc.where === undefined
        ? undefined
        : parseCondition(doc.where, [...at, 'where'], level, conditionIssues);
    if (conditionIssues.length > before || condition === undefined) return;
    customRules.push({
      id: doc.id,
      title: doc.title,
      severity: doc.severity,
      rationale: doc.rationale,
      remediation: doc.remediation,
      references: doc.references,
      target:
        doc.resourceType !== undefined
          ? { level: 'template', resourceTypes: toList(doc.resourceType) }
          : { level: 'architecture', componentKinds: toList(doc.componentKind ?? []) },
      where: where as Condition | undefined,
      condition,
      message: doc.message,
    });
  });
  for (const c of conditionIssues) issues.push(issue(c.path, c.message));
  if (options.knownRules) {
    const listForm = new Set(
      Object.keys(parsed.data.rules).filter((id) => Array.isArray(parsed.data.rules[id])),
    );
    for (const p of checkAgainstRules(rules, customRules, listForm, options.knownRules)) {
      issues.push(issue(p.path, p.message, p.key));
    }
  }
  if (issues.length > 0) throw new PolicyInvalidError(sortIssues(issues));
  return {
    sources: [source],
    waivers: { maxDays: parsed.data.waivers.maxDays },
    rules,
    customRules,
    ...(parsed.data.deployment ? { deployment: parsed.data.deployment } : {}),
    honourInlineSuppressions: parsed.data.inlineSuppressions.honour,
  };
}

function checkAgainstRules(
  rules: Record<string, RuleSetting[]>,
  customRules: readonly CustomRuleDefinition[],
  listForm: ReadonlySet<string>,
  known: readonly AnyRule[],
): { path: (string | number)[]; message: string; key?: string }[] {
  const problems: { path: (string | number)[]; message: string; key?: string }[] = [];
  const byId = new Map<string, AnyRule>(known.map((r) => [r.id, r]));
  customRules.forEach((rule, i) => {
    if (byId.has(rule.id)) {
      problems.push({
        path: ['customRules', i, 'id'],
        message: `"${rule.id}" is a built-in rule id; choose another`,
      });
    }
  });
  const customIds = new Set(customRules.map((r) => r.id));
  for (const [id, settings] of Object.entries(rules)) {
    const rule = byId.get(id);
    if (!rule) {
      if (!customIds.has(id)) {
        problems.push({
          path: ['rules'],
          key: id,
          message: `unknown rule "${id}"; expected a built-in or custom rule id`,
        });
      }
      continue;
    }
    const base: Record<string, unknown> = {};
    settings.forEach((setting, i) => {
      if (!setting.params) return;
      const at: (string | number)[] = listForm.has(id) ? ['rules', id, i, 'params'] : ['rules', id, 'params'];
      if (!rule.params) {
        problems.push({ path: at, message: `rule "${id}" takes no params` });
        return;
      }
      const parsed = rule.params.safeParse({ ...base, ...setting.params });
      if (!parsed.success) {
        for (const zi of parsed.error.issues) {
          const path = [...at, ...zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
          problems.push({ path, message: zi.message.replace(/^Invalid input: /, '') });
        }
      }
      if (!setting.when) Object.assign(base, setting.params);
    });
  }
  return problems;
}

function toList<T>(v: T | readonly T[]): T[] {
  return Array.isArray(v) ? [...(v as readonly T[])] : [v as T];
}

/** A setting as the contract wants it: only the fields that were written. */
function normaliseSetting(setting: z.infer<typeof RuleSettingSchema>): RuleSetting {
  const out: RuleSetting = {};
  if (setting.enabled !== undefined) out.enabled = setting.enabled;
  if (setting.severity !== undefined) out.severity = setting.severity;
  if (setting.params !== undefined) out.params = setting.params;
  if (setting.when !== undefined) out.when = setting.when;
  return out;
}

interface FlatIssue {
  path: (string | number)[];
  message: string;
  keys?: string[];
}

/** Flattens zod issues; for a union, keeps the branch that got furthest (the one that matched the shape). */
function flattenZodIssues(issues: readonly z.core.$ZodIssue[], base: (string | number)[]): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const i of issues) {
    const path = [...base, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const branches = i.errors.filter(
        (b) => !b.some((e) => e.code === 'invalid_type' && e.path.length === 0),
      );
      const chosen = branches.length > 0 ? branches : i.errors;
      const best = [...chosen].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      if (branches.length === 0) {
        out.push({
          path,
          message: i.errors
            .flat()
            .map((e) => e.message.replace(/^Invalid input: /, ''))
            .filter(unique)
            .join(' or '),
        });
      } else out.push(...flattenZodIssues(best, path));
    } else if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push({ path, keys: [key], message: `unknown field "${key}"` });
    } else {
      out.push({ path, message: i.message.replace(/^Invalid input: /, '') });
    }
  }
  return out;
}

function unique(v: string, i: number, all: string[]): boolean {
  return all.indexOf(v) === i;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function zodIssue(
  i: FlatIssue,
  issue: (path: (string | number)[], message: string, key?: string) => PolicyIssue,
): PolicyIssue[] {
  return i.keys ? i.keys.map((k) => issue(i.path, i.message, k)) : [issue(i.path, i.message)];
}

function sortIssues(issues: PolicyIssue[]): PolicyIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}

/** The source offset of the node at `path` (or of the key `key` in the map there); nearest ancestor if absent. */
function offsetOf(doc: Document, path: (string | number)[], key?: string): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as unknown;
    if (node && typeof node === 'object' && 'range' in node) {
      if (key !== undefined && n === path.length && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return range[0];
      }
      const range = (node as { range?: [number, number, number] | null }).range;
      if (range) return range[0];
    }
  }
  return doc.contents?.range?.[0] ?? 0;
}

/** `customRules[0].condition.and[1]` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}
