import { isDeepStrictEqual } from 'node:util';
import { ACCESS_MODES, COMPONENT_KINDS } from '../../model/kinds.ts';
import type { Resolved } from '../rule.ts';
import { compileSafeRegex, MAX_MATCH_INPUT_LENGTH } from './safe-regex.ts';

/**
 * The custom-rule condition language: a tree of operators over property paths, evaluated in three-valued
 * logic (true, false, unknown) so a value that cannot be resolved gives `unknown`, never a false `fail`.
 * Paths are dot paths (`A.B.0.C`); inside `all`/`any`/`none` they are relative to the list item, and `.`
 * is the item itself.
 */
export type Condition =
  | { readonly op: 'exists' | 'absent'; readonly path: string }
  | { readonly op: 'equals'; readonly path: string; readonly value: unknown }
  | { readonly op: 'in'; readonly path: string; readonly values: readonly unknown[] }
  | { readonly op: 'matches'; readonly path: string; readonly pattern: string; readonly regex: RegExp }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly path: string; readonly value: number }
  | { readonly op: 'contains'; readonly path: string; readonly value: unknown }
  | { readonly op: 'all' | 'any' | 'none'; readonly path: string; readonly condition: Condition }
  | { readonly op: 'and' | 'or'; readonly conditions: readonly Condition[] }
  | { readonly op: 'not'; readonly condition: Condition }
  | {
      readonly op: 'connected_to';
      readonly kinds: readonly string[] | undefined;
      readonly access: readonly string[] | undefined;
      readonly direction: 'out' | 'in' | 'any';
    }
  | {
      readonly op: 'referenced_by';
      readonly types: readonly string[];
      readonly condition: Condition | undefined;
    };

export type ConditionLevel = 'template' | 'architecture';
export interface ConditionIssue {
  path: (string | number)[];
  message: string;
}

const OPERATORS = [
  'exists',
  'absent',
  'equals',
  'in',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'all',
  'any',
  'none',
  'and',
  'or',
  'not',
  'connected_to',
  'referenced_by',
] as const;
const MAX_DEPTH = 32;
const PATH_RE = /^(\.|[A-Za-z0-9_$@:-]+(\.[A-Za-z0-9_$@:-]+)*)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turns the YAML form of a condition into the typed tree, collecting issues with their document paths. */
export function parseCondition(
  raw: unknown,
  at: (string | number)[],
  level: ConditionLevel,
  issues: ConditionIssue[],
  depth = 0,
): Condition | undefined {
  const fail = (message: string, path = at): undefined => {
    issues.push({ path, message });
    return undefined;
  };
  if (depth > MAX_DEPTH) return fail(`conditions nest deeper than ${MAX_DEPTH} levels`);
  if (!isRecord(raw)) return fail(`expected a condition object with one operator (${OPERATORS.join(', ')})`);
  const keys = Object.keys(raw);
  if (keys.length !== 1) {
    return fail(
      `expected exactly one operator per condition, found ${keys.length === 0 ? 'none' : keys.map((k) => `"${k}"`).join(', ')}; combine several with "and"`,
    );
  }
  const op = keys[0] as string;
  const arg = raw[op];
  const here = [...at, op];
  const argFail = (message: string, path = here) => fail(message, path);

  const needPath = (o: Record<string, unknown>, optional: boolean): string | undefined => {
    const p = o.path;
    if (p === undefined && optional) return '.';
    if (typeof p !== 'string' || !PATH_RE.test(p)) {
      argFail('expected "path": a dot path such as "BucketEncryption.ServerSideEncryptionConfiguration.0"', [
        ...here,
        'path',
      ]);
      return undefined;
    }
    return p;
  };
  const onlyKeys = (o: Record<string, unknown>, allowed: string[]): boolean => {
    const extra = Object.keys(o).filter((k) => !allowed.includes(k));
    if (extra.length > 0) {
      argFail(
        `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}; expected ${allowed.join(', ')}`,
      );
      return false;
    }
    return true;
  };
  const stringList = (v: unknown, field: string, allowed?: readonly string[]): string[] | undefined => {
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string')) {
      argFail(`expected "${field}": a string or a non-empty list of strings`, [...here, field]);
      return undefined;
    }
    const bad = allowed ? list.filter((x) => !allowed.includes(x)) : [];
    if (bad.length > 0) {
      argFail(
        `unknown ${field} ${bad.map((b) => `"${b}"`).join(', ')}; expected one of ${allowed?.join(', ')}`,
        [...here, field],
      );
      return undefined;
    }
    return list as string[];
  };

  switch (op) {
    case 'exists':
    case 'absent': {
      if (typeof arg === 'string') {
        return PATH_RE.test(arg)
          ? { op, path: arg }
          : argFail('expected a dot path such as "Properties.A.B"');
      }
      if (!isRecord(arg) || !onlyKeys(arg, ['path'])) {
        return isRecord(arg) ? undefined : argFail('expected a path, or {path}');
      }
      const path = needPath(arg, false);
      return path === undefined ? undefined : { op, path };
    }
    case 'equals':
    case 'contains': {
      if (!isRecord(arg) || !onlyKeys(arg, ['path', 'value'])) {
        return isRecord(arg) ? undefined : argFail('expected {path, value}');
      }
      const path = needPath(arg, true);
      if (!('value' in arg)) return argFail('expected "value"', [...here, 'value']);
      return path === undefined ? undefined : { op, path, value: arg.value };
    }
    case 'in': {
      if (!isRecord(arg) || !onlyKeys(arg, ['path', 'values'])) {
        return isRecord(arg) ? undefined : argFail('expected {path, values}');
      }
      const path = needPath(arg, true);
      if (!Array.isArray(arg.values) || arg.values.length === 0) {
        return argFail('expected "values": a non-empty list', [...here, 'values']);
      }
      return path === undefined ? undefined : { op, path, values: arg.values };
    }
    case 'matches': {
      if (!isRecord(arg) || !onlyKeys(arg, ['path', 'pattern', 'flags'])) {
        return isRecord(arg) ? undefined : argFail('expected {path, pattern, flags?}');
      }
      const path = needPath(arg, true);
      if (typeof arg.pattern !== 'string')
        return argFail('expected "pattern": a string', [...here, 'pattern']);
      if (arg.flags !== undefined && typeof arg.flags !== 'string') {
        return argFail('expected "flags": a string such as "i"', [...here, 'flags']);
      }
      const regex = compileSafeRegex(arg.pattern, (arg.flags as string | undefined) ?? '');
      if (typeof regex === 'string') return argFail(regex, [...here, 'pattern']);
      return path === undefined ? undefined : { op, path, pattern: arg.pattern, regex };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!isRecord(arg) || !onlyKeys(arg, ['path', 'value'])) {
        return isRecord(arg) ? undefined : argFail('expected {path, value}');
      }
      const path = needPath(arg, true);
      if (typeof arg.value !== 'number' || !Number.isFinite(arg.value)) {
        return argFail('expected "value": a number', [...here, 'value']);
      }
      return path === undefined ? undefined : { op, path, value: arg.value };
    }
    case 'all':
    case 'any':
    case 'none': {
      if (!isRecord(arg) || !onlyKeys(arg, ['path', 'condition'])) {
        return isRecord(arg) ? undefined : argFail('expected {path, condition}');
      }
      const path = needPath(arg, false);
      const condition = parseCondition(arg.condition, [...here, 'condition'], level, issues, depth + 1);
      return path === undefined || condition === undefined ? undefined : { op, path, condition };
    }
    case 'and':
    case 'or': {
      if (!Array.isArray(arg) || arg.length === 0) return argFail('expected a non-empty list of conditions');
      const conditions = arg.map((c, i) => parseCondition(c, [...here, i], level, issues, depth + 1));
      return conditions.every((c) => c !== undefined)
        ? { op, conditions: conditions as Condition[] }
        : undefined;
    }
    case 'not': {
      const condition = parseCondition(arg, here, level, issues, depth + 1);
      return condition === undefined ? undefined : { op, condition };
    }
    case 'connected_to': {
      if (level !== 'architecture') {
        return argFail(
          '"connected_to" applies to componentKind rules; use "referenced_by" for resource types',
        );
      }
      if (!isRecord(arg) || !onlyKeys(arg, ['kind', 'access', 'direction'])) {
        return isRecord(arg) ? undefined : argFail('expected {kind?, access?, direction?}');
      }
      const kinds = arg.kind === undefined ? undefined : stringList(arg.kind, 'kind', COMPONENT_KINDS);
      const access = arg.access === undefined ? undefined : stringList(arg.access, 'access', ACCESS_MODES);
      const direction = arg.direction ?? 'any';
      if (direction !== 'out' && direction !== 'in' && direction !== 'any') {
        return argFail('expected "direction": "out", "in" or "any"', [...here, 'direction']);
      }
      if ((arg.kind !== undefined && !kinds) || (arg.access !== undefined && !access)) return undefined;
      return { op, kinds, access, direction };
    }
    case 'referenced_by': {
      if (level !== 'template') {
        return argFail(
          '"referenced_by" applies to resourceType rules; use "connected_to" for component kinds',
        );
      }
      if (!isRecord(arg) || !onlyKeys(arg, ['type', 'condition'])) {
        return isRecord(arg) ? undefined : argFail('expected {type, condition?}');
      }
      const types = stringList(arg.type, 'type');
      const condition =
        arg.condition === undefined
          ? undefined
          : parseCondition(arg.condition, [...here, 'condition'], level, issues, depth + 1);
      if (!types || (arg.condition !== undefined && condition === undefined)) return undefined;
      return { op, types, condition };
    }
    default:
      return fail(`unknown operator "${op}"; expected one of ${OPERATORS.join(', ')}`, here);
  }
}

// ── evaluation ──────────────────────────────────────────────────────────────────────────────────────────

/** Where a condition reads its values: a resource's resolved properties or a component. */
export interface ValueSource {
  get(path: string): Resolved;
  /** Whether the value is set at all (a value known only at deploy time is set). */
  has(path: string): Resolved<boolean>;
  /** Items of the list at `path`; `undefined` when absent or not a list. */
  length(path: string): Resolved<number | undefined>;
}

/** Graph lookups for the cross-resource operators; each level provides its own. */
export interface ConditionGraph {
  connectedTo?(query: {
    kinds?: readonly string[];
    access?: readonly string[];
    direction: 'out' | 'in' | 'any';
  }): boolean;
  referencedBy?(types: readonly string[]): readonly { label: string; source: ValueSource }[];
}

export type Outcome =
  | { readonly truth: true }
  | {
      readonly truth: false;
      readonly message: string;
      readonly path?: string;
      readonly actual?: unknown;
      readonly expected?: unknown;
    }
  | { readonly truth: 'unknown'; readonly reason: string; readonly path?: string };

const TRUE: Outcome = { truth: true };

export function joinPath(prefix: string, path: string): string {
  if (path === '.' || path === '') return prefix;
  return prefix === '' ? path : `${prefix}.${path}`;
}

function scoped(source: ValueSource, prefix: string): ValueSource {
  return {
    get: (p) => source.get(joinPath(prefix, p)),
    has: (p) => source.has(joinPath(prefix, p)),
    length: (p) => source.length(joinPath(prefix, p)),
  };
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** A short description of a condition, for messages ("BucketName matches /^acme-/"). */
export function describeCondition(c: Condition): string {
  switch (c.op) {
    case 'exists':
      return `${c.path} is set`;
    case 'absent':
      return `${c.path} is absent`;
    case 'equals':
      return `${c.path} equals ${show(c.value)}`;
    case 'in':
      return `${c.path} is one of ${show(c.values)}`;
    case 'matches':
      return `${c.path} matches /${c.pattern}/`;
    case 'gt':
      return `${c.path} > ${c.value}`;
    case 'gte':
      return `${c.path} >= ${c.value}`;
    case 'lt':
      return `${c.path} < ${c.value}`;
    case 'lte':
      return `${c.path} <= ${c.value}`;
    case 'contains':
      return `${c.path} contains ${show(c.value)}`;
    case 'all':
    case 'any':
    case 'none':
      return `${c.op} of ${c.path}: ${describeCondition(c.condition)}`;
    case 'and':
    case 'or':
      return c.conditions.map(describeCondition).join(` ${c.op} `);
    case 'not':
      return `not (${describeCondition(c.condition)})`;
    case 'connected_to':
      return `connected (${c.direction}) to ${c.kinds?.join('|') ?? 'any component'}${c.access ? ` with ${c.access.join('|')} access` : ''}`;
    case 'referenced_by':
      return `referenced by ${c.types.join('|')}${c.condition ? ` where ${describeCondition(c.condition)}` : ''}`;
  }
}

/** Evaluates a condition in three-valued logic. `prefix` is the path of the current list item, for messages. */
export function evaluateCondition(
  c: Condition,
  source: ValueSource,
  graph: ConditionGraph,
  prefix = '',
): Outcome {
  const full = (p: string) => joinPath(prefix, p);
  const read = (p: string): Resolved => source.get(p);
  switch (c.op) {
    case 'exists':
    case 'absent': {
      const r = source.has(c.path);
      if (!r.known) return { truth: 'unknown', reason: r.reason, path: full(c.path) };
      if (r.value === (c.op === 'exists')) return TRUE;
      if (c.op === 'exists') {
        return {
          truth: false,
          message: `${full(c.path)} is absent; expected it to be set`,
          path: full(c.path),
        };
      }
      const v = source.get(c.path);
      return {
        truth: false,
        message: `${full(c.path)} is ${v.known ? show(v.value) : 'set'}; expected it to be absent`,
        path: full(c.path),
        ...(v.known ? { actual: v.value } : {}),
      };
    }
    case 'equals':
    case 'in': {
      const r = read(c.path);
      if (!r.known) return { truth: 'unknown', reason: r.reason, path: full(c.path) };
      const values = c.op === 'equals' ? [c.value] : c.values;
      if (values.some((v) => isDeepStrictEqual(v, r.value))) return TRUE;
      return {
        truth: false,
        message: `${full(c.path)} is ${show(r.value)}; expected ${c.op === 'equals' ? show(c.value) : `one of ${show(c.values)}`}`,
        path: full(c.path),
        actual: r.value,
        expected: c.op === 'equals' ? c.value : c.values,
      };
    }
    case 'matches': {
      const r = read(c.path);
      if (!r.known) return { truth: 'unknown', reason: r.reason, path: full(c.path) };
      if (typeof r.value === 'string' && r.value.length > MAX_MATCH_INPUT_LENGTH) {
        return {
          truth: 'unknown',
          reason: `value is ${r.value.length} characters long; patterns are matched against at most ${MAX_MATCH_INPUT_LENGTH}`,
          path: full(c.path),
        };
      }
      if (typeof r.value === 'string' && c.regex.test(r.value)) return TRUE;
      return {
        truth: false,
        message: `${full(c.path)} is ${show(r.value)}; expected a string matching /${c.pattern}/`,
        path: full(c.path),
        actual: r.value,
        expected: `/${c.pattern}/`,
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const r = read(c.path);
      if (!r.known) return { truth: 'unknown', reason: r.reason, path: full(c.path) };
      const n = toNumber(r.value);
      const ok =
        n !== undefined &&
        (c.op === 'gt'
          ? n > c.value
          : c.op === 'gte'
            ? n >= c.value
            : c.op === 'lt'
              ? n < c.value
              : n <= c.value);
      if (ok) return TRUE;
      const sign = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
      return {
        truth: false,
        message: `${full(c.path)} is ${show(r.value)}; expected a number ${sign} ${c.value}`,
        path: full(c.path),
        actual: r.value,
        expected: `${sign} ${c.value}`,
      };
    }
    case 'contains': {
      const r = read(c.path);
      if (!r.known) return { truth: 'unknown', reason: r.reason, path: full(c.path) };
      const v = r.value;
      const ok = Array.isArray(v)
        ? v.some((item) => isDeepStrictEqual(item, c.value))
        : typeof v === 'string' && typeof c.value === 'string' && v.includes(c.value);
      if (ok) return TRUE;
      return {
        truth: false,
        message: `${full(c.path)} is ${show(v)}; expected it to contain ${show(c.value)}`,
        path: full(c.path),
        actual: v,
        expected: c.value,
      };
    }
    case 'all':
    case 'any':
    case 'none':
      return evaluateQuantifier(c, source, graph, prefix);
    case 'and': {
      let unknown: Outcome | undefined;
      for (const sub of c.conditions) {
        const o = evaluateCondition(sub, source, graph, prefix);
        if (o.truth === false) return o;
        if (o.truth === 'unknown') unknown ??= o;
      }
      return unknown ?? TRUE;
    }
    case 'or': {
      let unknown: Outcome | undefined;
      const failures: string[] = [];
      for (const sub of c.conditions) {
        const o = evaluateCondition(sub, source, graph, prefix);
        if (o.truth === true) return TRUE;
        if (o.truth === 'unknown') unknown ??= o;
        else failures.push(o.message);
      }
      return unknown ?? { truth: false, message: `none of the alternatives holds: ${failures.join('; ')}` };
    }
    case 'not': {
      const o = evaluateCondition(c.condition, source, graph, prefix);
      if (o.truth === 'unknown') return o;
      if (o.truth === false) return TRUE;
      return { truth: false, message: `${describeCondition(c.condition)} holds; expected it not to` };
    }
    case 'connected_to': {
      if (!graph.connectedTo)
        return { truth: 'unknown', reason: 'connections are only known for components' };
      if (graph.connectedTo(c)) return TRUE;
      return { truth: false, message: `not ${describeCondition(c)}; expected such a connection` };
    }
    case 'referenced_by': {
      if (!graph.referencedBy)
        return { truth: 'unknown', reason: 'references are only known for template resources' };
      let unknown: Outcome | undefined;
      for (const ref of graph.referencedBy(c.types)) {
        if (!c.condition) return TRUE;
        const o = evaluateCondition(c.condition, ref.source, {}, '');
        if (o.truth === true) return TRUE;
        if (o.truth === 'unknown') unknown ??= { truth: 'unknown', reason: `${ref.label}: ${o.reason}` };
      }
      return unknown ?? { truth: false, message: `not ${describeCondition(c)}; expected such a resource` };
    }
  }
}

function evaluateQuantifier(
  c: Extract<Condition, { op: 'all' | 'any' | 'none' }>,
  source: ValueSource,
  graph: ConditionGraph,
  prefix: string,
): Outcome {
  const full = joinPath(prefix, c.path);
  const count = source.length(c.path);
  if (!count.known) return { truth: 'unknown', reason: count.reason, path: full };
  let length = count.value ?? 0;
  if (count.value === undefined) {
    const r = source.get(c.path);
    if (r.known && r.value !== undefined && r.value !== null) {
      return {
        truth: false,
        message: `${full} is ${show(r.value)}; expected a list`,
        path: full,
        actual: r.value,
      };
    }
    length = 0;
  }
  let unknown: Outcome | undefined;
  for (let i = 0; i < length; i++) {
    const itemPath = `${c.path}.${i}`;
    const o = evaluateCondition(c.condition, scoped(source, itemPath), graph, joinPath(prefix, itemPath));
    if (o.truth === 'unknown') {
      unknown ??= o;
      continue;
    }
    if (c.op === 'all' && o.truth === false) return o;
    if (c.op === 'any' && o.truth === true) return TRUE;
    if (c.op === 'none' && o.truth === true) {
      return {
        truth: false,
        message: `${joinPath(prefix, itemPath)} satisfies ${describeCondition(c.condition)}; expected no item of ${full} to`,
        path: joinPath(prefix, itemPath),
      };
    }
  }
  if (unknown) return unknown;
  if (c.op === 'any') {
    return {
      truth: false,
      message: `no item of ${full} satisfies ${describeCondition(c.condition)}${length === 0 ? ' (the list is empty)' : ''}`,
      path: full,
    };
  }
  return TRUE;
}
