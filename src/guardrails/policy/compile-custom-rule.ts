import type { Component } from '../../model/architecture.ts';
import type {
  AnyRule,
  ArchitectureContext,
  CheckResult,
  ResourceView,
  Resolved,
  RuleContext,
} from '../rule.ts';
import { defineArchitectureRule, defineTemplateRule } from '../rule.ts';
import type { ConditionGraph, Outcome, ValueSource } from './condition.ts';
import { evaluateCondition } from './condition.ts';
import type { CustomRuleDefinition } from './policy-schema.ts';

type NoParams = Record<string, never>;

function isIntrinsic(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::') || keys[0] === 'Condition')
  );
}

/** Walks a plain value by dot path; `undefined` for a missing step, `intrinsic` when it hits one. */
function walk(root: unknown, segments: readonly string[]): { value: unknown } | 'intrinsic' {
  let node = root;
  for (const s of segments) {
    if (isIntrinsic(node)) return 'intrinsic';
    if (Array.isArray(node)) node = /^\d+$/.test(s) ? node[Number(s)] : undefined;
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[s];
    else return { value: undefined };
  }
  return isIntrinsic(node) ? 'intrinsic' : { value: node };
}

function attribute(resource: ResourceView, path: string): Resolved {
  const [head, ...rest] = path.slice(1).split('.');
  if (head === 'type' && rest.length === 0) return { known: true, value: resource.type };
  if (head === 'logicalId' && rest.length === 0) return { known: true, value: resource.logicalId };
  const r = walk(resource.raw[head ?? ''], rest);
  return r === 'intrinsic'
    ? { known: false, reason: `${path.slice(1)} uses an intrinsic function` }
    : { known: true, value: r.value };
}

/** Template values: resource properties through the engine's resolver; `$Name` reads resource attributes. */
export function resourceSource(resource: ResourceView): ValueSource {
  return {
    get: (path) => (path.startsWith('$') ? attribute(resource, path) : resource.get(path)),
    has(path) {
      if (!path.startsWith('$')) return resource.has(path);
      const r = attribute(resource, path);
      return r.known
        ? { known: true, value: r.value !== undefined && r.value !== null }
        : { known: true, value: true };
    },
    length(path) {
      if (!path.startsWith('$')) return resource.length(path);
      const r = attribute(resource, path);
      if (!r.known) return r;
      return { known: true, value: Array.isArray(r.value) ? r.value.length : undefined };
    },
  };
}

/** Plain values (components): everything is known. */
function plainSource(read: (path: string) => unknown): ValueSource {
  return {
    get: (path) => ({ known: true, value: read(path) }),
    has(path) {
      const v = read(path);
      return { known: true, value: v !== undefined && v !== null };
    },
    length(path) {
      const v = read(path);
      return { known: true, value: Array.isArray(v) ? v.length : undefined };
    },
  };
}

/** Architecture values: `id`, `kind`, `params.x` of the component; `$architecture.team` and friends. */
export function componentSource(component: Component, context: ArchitectureContext<unknown>): ValueSource {
  const { components: _c, connections: _n, ...meta } = context.architecture;
  return plainSource((path) => {
    const r =
      path === '$architecture' || path.startsWith('$architecture.')
        ? walk(meta, path.split('.').slice(1))
        : walk(component, path.split('.'));
    return r === 'intrinsic' ? undefined : r.value;
  });
}

function toResult(rule: CustomRuleDefinition, o: Outcome): CheckResult {
  if (o.truth === true) return { status: 'pass' };
  if (o.truth === 'unknown') {
    return o.path === undefined
      ? { status: 'unknown', reason: o.reason }
      : { status: 'unknown', reason: o.reason, path: o.path };
  }
  const result: { status: 'fail'; message: string; path?: string; actual?: unknown; expected?: unknown } = {
    status: 'fail',
    message: `${rule.message ?? rule.title}: ${o.message}.`,
  };
  if (o.path !== undefined && !o.path.startsWith('$')) result.path = o.path;
  if ('actual' in o) result.actual = o.actual;
  if ('expected' in o) result.expected = o.expected;
  return result;
}

function judge(rule: CustomRuleDefinition, source: ValueSource, graph: ConditionGraph): CheckResult {
  if (rule.where) {
    const applies = evaluateCondition(rule.where, source, graph);
    if (applies.truth === false) return { status: 'pass' };
    if (applies.truth === 'unknown') {
      return { status: 'unknown', reason: `cannot tell whether the rule applies: ${applies.reason}` };
    }
  }
  return toResult(rule, evaluateCondition(rule.condition, source, graph));
}

/** A custom rule from a policy, compiled to the same interface (and the same unknown semantics) as built-ins. */
export function compileCustomRule(rule: CustomRuleDefinition): AnyRule {
  const meta = {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    rationale: rule.rationale,
    remediation: rule.remediation,
    references: rule.references,
  };
  if (rule.target.level === 'template') {
    return defineTemplateRule<NoParams>({
      ...meta,
      resourceTypes: rule.target.resourceTypes,
      check(resource: ResourceView, context: RuleContext<NoParams>) {
        const graph: ConditionGraph = {
          referencedBy: (types) =>
            context.index
              .referencedBy(resource.logicalId)
              .filter((r) => types.includes(r.type))
              .map((r) => ({ label: r.logicalId, source: resourceSource(r) })),
        };
        return judge(rule, resourceSource(resource), graph);
      },
    }) as AnyRule;
  }
  return defineArchitectureRule<NoParams>({
    ...meta,
    scope: rule.target.componentKinds,
    check(subject, context) {
      if (!subject) return { status: 'pass' };
      const graph: ConditionGraph = {
        connectedTo: ({ kinds, access, direction }) => {
          const out =
            direction === 'in' ? [] : context.connectionsFrom(subject.id).map((c) => ({ c, other: c.to }));
          const inc =
            direction === 'out' ? [] : context.connectionsTo(subject.id).map((c) => ({ c, other: c.from }));
          return [...out, ...inc].some(({ c, other }) => {
            const kind = context.component(other)?.kind;
            return (
              (!kinds || (kind !== undefined && kinds.includes(kind))) &&
              (!access || access.includes(c.access))
            );
          });
        },
      };
      return judge(rule, componentSource(subject, context as ArchitectureContext<unknown>), graph);
    },
  }) as AnyRule;
}
