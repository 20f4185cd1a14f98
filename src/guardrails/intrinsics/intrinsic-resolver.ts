import type { CfnParameter } from '../../cfn/cfn-template.ts';
import { setOwn } from '../../cfn/set-own.ts';
import type { Resolved } from '../rule.ts';
import { textOf } from '../text-of.ts';
import { intrinsicArg, intrinsicKey, soleKey } from './intrinsic-key.ts';
import { partitionOf } from './partition-of.ts';
import type { ResolveContext } from './resolve-context.ts';
import { subPlaceholders } from './sub-placeholders.ts';

/**
 * An intrinsic the template transforms (SAM) write where they produce a value they do not model (a policy
 * template they lack, say); its argument is the reason. It resolves to unknown, so rules say `unknown`.
 */
export const UNMODELLED = 'Fn::Copilot::Unmodelled';

/** `Ref: AWS::NoValue` resolves to this marker; containers drop it, a top-level one reads as absent. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

const MAX_DEPTH = 200;

type R = Resolved<unknown>;

const known = (value: unknown): R => ({ known: true, value });
const unknown = (reason: string): R => ({ known: false, reason });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Resolves CloudFormation intrinsics against the template's Parameters, Mappings and Conditions and the
 * deployment context. Values known only at deploy time (Fn::GetAtt, Ref to a resource, Fn::ImportValue,
 * Fn::GetAZs, unsupplied pseudo parameters, ...) resolve to `{known: false, reason}` naming the intrinsic.
 */
export class IntrinsicResolver {
  private readonly parameters: Record<string, unknown>;
  private readonly mappings: Record<string, unknown>;
  private readonly conditions: Record<string, unknown>;
  private readonly resources: Record<string, unknown>;
  private readonly conditionCache = new Map<string, Resolved<boolean>>();
  private readonly conditionsInProgress = new Set<string>();
  /**
   * Results by template node: resolution is pure for one template and context, so each node resolves once.
   * Plain Maps, not WeakMaps: the resolver lives for one evaluation and is dropped with its caches, and
   * weak tables cost the garbage collector extra work on every young-generation collection.
   */
  private readonly deepCache = new Map<object, R>();
  private readonly shallowCache = new Map<object, R>();
  /** List items with AWS::NoValue removed, by list node (filled by resource views). */
  readonly listItems = new Map<readonly unknown[], Resolved<readonly unknown[]>>();

  constructor(
    template: Readonly<Record<string, unknown>>,
    private readonly context: ResolveContext = {},
  ) {
    this.parameters = recordOf(template.Parameters);
    this.mappings = recordOf(template.Mappings);
    this.conditions = recordOf(template.Conditions);
    this.resources = recordOf(template.Resources);
  }

  /** Resolve a value completely; unknown when any part of it is unknown. NO_VALUE parts are dropped. */
  deep(value: unknown, depth = 0): R {
    if (typeof value !== 'object' || value === null) return known(value);
    const cached = this.deepCache.get(value);
    if (cached) return cached;
    const result = this.deepUncached(value, depth);
    this.deepCache.set(value, result);
    return result;
  }

  private deepUncached(value: object, depth: number): R {
    if (depth > MAX_DEPTH) return unknown(`the value nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        const r = this.deep(item, depth + 1);
        if (!r.known) return r;
        if (r.value !== NO_VALUE) out.push(r.value);
      }
      return known(out);
    }
    if (!isRecord(value)) return known(value);
    if (intrinsicKey(value) !== undefined) {
      const r = this.shallow(value, depth);
      if (!r.known) return r;
      return this.deep(r.value, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const r = this.deep(value[key], depth + 1);
      if (!r.known) return r;
      if (r.value === NO_VALUE) continue;
      // Plain assignment creates an own property for every key but `__proto__`, which setOwn keeps one.
      if (key === '__proto__') setOwn(out, key, r.value);
      else out[key] = r.value;
    }
    return known(out);
  }

  /** Resolve the intrinsic at the top of a value only; containers come back as written. */
  shallow(value: unknown, depth = 0): R {
    if (typeof value !== 'object' || value === null) return known(value);
    // A container is its own shallow value: not worth a cache entry that lives as long as the evaluation.
    if (intrinsicKey(value) === undefined) return known(value);
    const cached = this.shallowCache.get(value);
    if (cached) return cached;
    const result = this.shallowUncached(value, depth);
    this.shallowCache.set(value, result);
    return result;
  }

  private shallowUncached(value: unknown, depth: number): R {
    let current = value;
    for (let i = 0; i < MAX_DEPTH; i += 1) {
      const key = intrinsicKey(current);
      if (key === undefined) return known(current);
      const r = this.call(key, intrinsicArg(current, key), depth + 1);
      if (!r.known) return r;
      current = r.value;
    }
    return unknown('intrinsic functions nest too deeply');
  }

  /** Evaluate a named condition from the Conditions section. */
  condition(name: string): Resolved<boolean> {
    const cached = this.conditionCache.get(name);
    if (cached) return cached;
    let result: Resolved<boolean>;
    const fixed = this.context.conditionValues;
    if (fixed && Object.hasOwn(fixed, name)) {
      result = { known: true, value: fixed[name] === true };
    } else if (!Object.hasOwn(this.conditions, name)) {
      result = { known: false, reason: `condition ${name} is not defined in Conditions` };
    } else if (this.conditionsInProgress.has(name)) {
      return { known: false, reason: `condition ${name} refers to itself` };
    } else {
      this.conditionsInProgress.add(name);
      const r = this.evaluateCondition(this.conditions[name], 0);
      this.conditionsInProgress.delete(name);
      result = r.known ? r : { known: false, reason: `condition ${name} cannot be evaluated: ${r.reason}` };
    }
    this.conditionCache.set(name, result);
    return result;
  }

  /** Evaluate a condition expression (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition, true/false). */
  evaluateCondition(expr: unknown, depth: number): Resolved<boolean> {
    if (depth > MAX_DEPTH) return { known: false, reason: 'the condition nests too deeply' };
    if (typeof expr === 'boolean') return { known: true, value: expr };
    if (expr === 'true' || expr === 'false') return { known: true, value: expr === 'true' };
    if (soleKey(expr) === 'Condition' && typeof (expr as { Condition?: unknown }).Condition === 'string') {
      return this.condition((expr as { Condition: string }).Condition);
    }
    const key = intrinsicKey(expr);
    const arg = key === undefined ? undefined : intrinsicArg(expr, key);
    switch (key) {
      case 'Fn::Equals': {
        if (!Array.isArray(arg) || arg.length !== 2) return malformedCondition('Fn::Equals', 'two values');
        const a = this.deep(arg[0], depth + 1);
        if (!a.known) return a;
        const b = this.deep(arg[1], depth + 1);
        if (!b.known) return b;
        return { known: true, value: sameValue(a.value, b.value) };
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(arg) || arg.length === 0) return malformedCondition(key, 'a list of conditions');
        const decisive = key === 'Fn::Or';
        let firstUnknown: Resolved<boolean> | undefined;
        for (const item of arg) {
          const r = this.evaluateCondition(item, depth + 1);
          if (!r.known) firstUnknown ??= r;
          else if (r.value === decisive) return { known: true, value: decisive };
        }
        return firstUnknown ?? { known: true, value: !decisive };
      }
      case 'Fn::Not': {
        if (!Array.isArray(arg) || arg.length !== 1)
          return malformedCondition('Fn::Not', 'a list of one condition');
        const r = this.evaluateCondition(arg[0], depth + 1);
        return r.known ? { known: true, value: !r.value } : r;
      }
      case 'Fn::If': {
        const r = this.shallow(expr, depth + 1);
        return r.known ? this.evaluateCondition(r.value, depth + 1) : r;
      }
      default: {
        if (key !== undefined) {
          const r = this.deep(expr, depth + 1);
          if (!r.known) return r;
          return this.evaluateCondition(r.value, depth + 1);
        }
        return { known: false, reason: `malformed condition ${describe(expr)}` };
      }
    }
  }

  private call(key: string, arg: unknown, depth: number): R {
    switch (key) {
      case 'Ref':
        return this.ref(arg);
      case 'Fn::If':
        return this.fnIf(arg);
      case 'Fn::Sub':
        return this.fnSub(arg, depth);
      case 'Fn::Join':
        return this.fnJoin(arg, depth);
      case 'Fn::Select':
        return this.fnSelect(arg, depth);
      case 'Fn::Split':
        return this.fnSplit(arg, depth);
      case 'Fn::FindInMap':
        return this.fnFindInMap(arg, depth);
      case 'Fn::Base64': {
        const r = this.deep(arg, depth);
        if (!r.known) return r;
        if (!isScalar(r.value)) return malformed('Fn::Base64', 'a string');
        return known(Buffer.from(String(r.value), 'utf8').toString('base64'));
      }
      case 'Fn::Length': {
        const r = this.deep(arg, depth);
        if (!r.known) return r;
        return Array.isArray(r.value) ? known(r.value.length) : malformed('Fn::Length', 'a list');
      }
      case 'Fn::ToJsonString': {
        const r = this.deep(arg, depth);
        return r.known ? known(JSON.stringify(r.value)) : r;
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const r = this.evaluateCondition({ [key]: arg }, depth);
        return r.known ? known(r.value) : r;
      }
      case 'Fn::GetAtt': {
        const target = Array.isArray(arg) ? arg.map((a) => textOf(a)).join('.') : textOf(arg);
        return unknown(`Fn::GetAtt ${target} is known only after deployment`);
      }
      case 'Fn::ImportValue':
        return unknown('Fn::ImportValue reads another stack’s export at deploy time');
      case 'Fn::GetAZs':
        return unknown('Fn::GetAZs lists availability zones at deploy time');
      case 'Fn::Cidr':
        return unknown('Fn::Cidr is not evaluated by the guardrails');
      case UNMODELLED:
        return unknown(typeof arg === 'string' ? arg : 'a value the template transform does not model');
      default:
        return unknown(`${key} is not evaluated by the guardrails`);
    }
  }

  private ref(name: unknown): R {
    if (typeof name !== 'string') return malformed('Ref', 'a logical id or parameter name');
    if (name === 'AWS::NoValue') return known(NO_VALUE);
    if (name.startsWith('AWS::')) return this.pseudo(name);
    if (Object.hasOwn(this.parameters, name)) return this.parameter(name);
    if (Object.hasOwn(this.resources, name)) {
      return unknown(`Ref ${name} refers to a resource and is known only after deployment`);
    }
    return unknown(`Ref ${name}: no parameter or resource has that name`);
  }

  private pseudo(name: string): R {
    const { region, accountId, stackName, stackId } = this.context;
    const missing = () => unknown(`Ref ${name} is known only at deploy time (not supplied)`);
    switch (name) {
      case 'AWS::Region':
        return region === undefined ? missing() : known(region);
      case 'AWS::AccountId':
        return accountId === undefined ? missing() : known(accountId);
      case 'AWS::Partition':
        if (this.context.partition !== undefined) return known(this.context.partition);
        return region === undefined ? missing() : known(partitionOf(region));
      case 'AWS::URLSuffix':
        return region === undefined
          ? missing()
          : known(region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
      case 'AWS::StackName':
        return stackName === undefined ? missing() : known(stackName);
      case 'AWS::StackId':
        return stackId === undefined ? missing() : known(stackId);
      default:
        return missing();
    }
  }

  private parameter(name: string): R {
    const declaration = recordOf(this.parameters[name]) as CfnParameter;
    const type = typeof declaration.Type === 'string' ? declaration.Type : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value')) {
      return unknown(`Ref ${name} reads an SSM parameter at deploy time`);
    }
    const supplied = this.context.parameters?.[name];
    const raw = supplied ?? declaration.Default;
    if (raw === undefined || raw === null)
      return unknown(`Ref ${name}: parameter ${name} has no value and no Default`);
    if (!isScalar(raw) && !(Array.isArray(raw) && raw.every(isScalar))) {
      return unknown(`Ref ${name}: parameter ${name} has a value that is not a string or list of strings`);
    }
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      const items = Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            .split(',')
            .map((s) => s.trim());
      return known(type === 'List<Number>' ? items.map(Number) : items);
    }
    if (type === 'Number') {
      if (!isScalar(raw)) return known(raw);
      const n = Number(raw);
      return known(Number.isFinite(n) && String(raw).trim() !== '' ? n : raw);
    }
    return known(isScalar(raw) ? String(raw) : raw);
  }

  private fnIf(arg: unknown): R {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      return malformed('Fn::If', '[condition name, value if true, value if false]');
    }
    const c = this.condition(arg[0]);
    if (!c.known) return unknown(`Fn::If ${arg[0]}: ${c.reason}`);
    return known(c.value ? arg[1] : arg[2]);
  }

  private fnSub(arg: unknown, depth: number): R {
    let source: unknown = arg;
    let variables: Record<string, unknown> = {};
    if (Array.isArray(arg)) {
      if (arg.length !== 2 || !isRecord(arg[1]))
        return malformed('Fn::Sub', 'a string or [string, variables]');
      source = arg[0];
      variables = arg[1];
    }
    const text = this.deep(source, depth);
    if (!text.known) return text;
    if (typeof text.value !== 'string') return malformed('Fn::Sub', 'a string');
    let out = '';
    for (const part of subPlaceholders(text.value)) {
      if ('text' in part) {
        out += part.text;
        continue;
      }
      let r: R;
      if (Object.hasOwn(variables, part.name)) r = this.deep(variables[part.name], depth + 1);
      else if (part.name.includes('.') && !part.name.startsWith('AWS::')) {
        r = unknown(`Fn::Sub \${${part.name}} is an attribute known only after deployment`);
      } else r = this.ref(part.name);
      if (!r.known)
        return unknown(r.reason.startsWith('Fn::Sub') ? r.reason : `Fn::Sub \${${part.name}}: ${r.reason}`);
      if (!isScalar(r.value)) return malformed('Fn::Sub', `\${${part.name}} to be a string`);
      out += String(r.value);
    }
    return known(out);
  }

  private fnJoin(arg: unknown, depth: number): R {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') {
      return malformed('Fn::Join', '[delimiter, list]');
    }
    const list = this.deep(arg[1], depth);
    if (!list.known) return list;
    if (!Array.isArray(list.value) || !list.value.every(isScalar))
      return malformed('Fn::Join', 'a list of strings');
    return known(list.value.map(String).join(arg[0]));
  }

  private fnSelect(arg: unknown, depth: number): R {
    if (!Array.isArray(arg) || arg.length !== 2) return malformed('Fn::Select', '[index, list]');
    const index = this.deep(arg[0], depth);
    if (!index.known) return index;
    const list = this.deep(arg[1], depth);
    if (!list.known) return list;
    const i = Number(index.value);
    if (!Array.isArray(list.value) || !Number.isInteger(i) || i < 0 || i >= list.value.length) {
      return malformed('Fn::Select', 'an index within the list');
    }
    return known(list.value[i]);
  }

  private fnSplit(arg: unknown, depth: number): R {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || arg[0] === '') {
      return malformed('Fn::Split', '[delimiter, string]');
    }
    const source = this.deep(arg[1], depth);
    if (!source.known) return source;
    if (typeof source.value !== 'string') return malformed('Fn::Split', 'a string to split');
    return known(source.value.split(arg[0]));
  }

  private fnFindInMap(arg: unknown, depth: number): R {
    if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) {
      return malformed('Fn::FindInMap', '[map name, top-level key, second-level key]');
    }
    const keys: string[] = [];
    for (const part of arg.slice(0, 3)) {
      const r = this.deep(part, depth);
      if (!r.known) return unknown(`Fn::FindInMap: ${r.reason}`);
      if (!isScalar(r.value)) return malformed('Fn::FindInMap', 'string keys');
      keys.push(String(r.value));
    }
    const [mapName = '', top = '', second = ''] = keys;
    const map = recordOf(this.mappings[mapName]);
    const level = Object.hasOwn(map, top) ? recordOf(map[top]) : undefined;
    if (level && Object.hasOwn(level, second)) return known(level[second]);
    const fallback = recordOf(arg[3]);
    if (Object.hasOwn(fallback, 'DefaultValue')) return known(fallback.DefaultValue);
    return unknown(`Fn::FindInMap: Mappings has no entry ${mapName}/${top}/${second}`);
  }
}

function malformed(fn: string, expected: string): R {
  return unknown(`malformed ${fn}: expected ${expected}`);
}

function malformedCondition(fn: string, expected: string): Resolved<boolean> {
  return { known: false, reason: `malformed ${fn}: expected ${expected}` };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isScalar(a) && isScalar(b)) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(value: unknown): string {
  return textOf(value);
}
