import { intrinsicKey } from '../../intrinsics/intrinsic-key.ts';
import type { CheckResult, Resolved, ResourceView, TemplateIndex } from '../../rule.ts';
import { fail, PASS, unknown } from './check-result.ts';
import type { AccessLevel } from './iam-access-levels.ts';
import { scopableActionsAt } from './iam-access-levels.ts';
import { memoized } from './view-memo.ts';

/**
 * Reading IAM policy documents (identity policies inline in roles, users, groups, policies and managed
 * policies; resource policies of buckets, queues, topics, keys, repositories, secrets, domains, buses) one
 * statement and one list item at a time, so a symbolic `!GetAtt Table.Arn` in one Resource does not hide
 * a `"*"` Action in the same statement.
 */

/** Where each resource type keeps its policy documents; `*` stands for every item of a list. */
export const POLICY_DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::Role': ['Policies.*.PolicyDocument'],
  'AWS::IAM::User': ['Policies.*.PolicyDocument'],
  'AWS::IAM::Group': ['Policies.*.PolicyDocument'],
  'AWS::IAM::Policy': ['PolicyDocument'],
  'AWS::IAM::ManagedPolicy': ['PolicyDocument'],
  'AWS::S3::BucketPolicy': ['PolicyDocument'],
  'AWS::SQS::QueuePolicy': ['PolicyDocument'],
  'AWS::SNS::TopicPolicy': ['PolicyDocument'],
  'AWS::KMS::Key': ['KeyPolicy'],
  'AWS::ECR::Repository': ['RepositoryPolicyText'],
  'AWS::SecretsManager::ResourcePolicy': ['ResourcePolicy'],
  'AWS::OpenSearchService::Domain': ['AccessPolicies'],
  'AWS::Elasticsearch::Domain': ['AccessPolicies'],
  'AWS::EFS::FileSystem': ['FileSystemPolicy'],
  'AWS::ApiGateway::RestApi': ['Policy'],
  'AWS::Events::EventBus': ['Policy'],
};

/** Resource types whose policies grant permissions to their own principal (identity policies). */
export const IDENTITY_POLICY_TYPES = [
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
] as const;

export type ValueList =
  | {
      readonly known: true;
      readonly present: boolean;
      readonly values: readonly string[];
      readonly opaque: number;
    }
  | { readonly known: false; readonly reason: string };

export interface Statement {
  /** Dot path of the statement under Properties. */
  readonly path: string;
  readonly effect: 'Allow' | 'Deny';
  /** The strings of a string-or-list field (Action, Resource, ...); `opaque` counts symbolic items. */
  values(field: string): ValueList;
  has(field: string): Resolved<boolean>;
  /** Whether the statement names everyone (`*`, `{AWS: "*"}`) or uses NotPrincipal. */
  principalIsPublic(): Resolved<boolean>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object that is not a one-key intrinsic (deep resolution keeps it an object or makes it unknown). */
function isPlainObject(value: unknown): boolean {
  return isRecord(value) && intrinsicKey(value) === undefined;
}

function intrinsic(value: unknown): [string, unknown] | undefined {
  const key = intrinsicKey(value);
  return key === undefined ? undefined : [key, (value as Record<string, unknown>)[key]];
}

/** The value as written at a dot path under Properties, when the path crosses no intrinsic. */
export function rawAt(resource: ResourceView, path: string): unknown {
  let node: unknown = resource.raw.Properties;
  let start = 0;
  while (start <= path.length) {
    let end = path.indexOf('.', start);
    if (end < 0) end = path.length;
    const segment = path.slice(start, end);
    start = end + 1;
    if (intrinsicKey(node) !== undefined) return undefined;
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Whether a text has a character other than `*`. */
function hasNonStar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) !== 42) return true;
  return false;
}

/**
 * Whether an Fn::Sub text has a character other than `*` outside its `${...}` placeholders (the text left
 * by removing every /\$\{[^}]*\}/ match), scanned in place rather than by building that text.
 */
function subHasLiteralText(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 36 && text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf('}', i + 2);
      if (close >= 0) {
        i = close + 1;
        continue;
      }
    }
    if (code !== 42) return true;
    i += 1;
  }
  return false;
}

/**
 * Whether a symbolic value can never be the bare wildcard `*`: an ARN from Fn::GetAtt, a Ref to a resource
 * or a pseudo parameter, a Sub or Join with literal text around its placeholders.
 */
function cannotBeWildcard(value: unknown, index: TemplateIndex): boolean {
  const fn = intrinsic(value);
  if (!fn) return false;
  const [key, arg] = fn;
  if (key === 'Fn::GetAtt') return true;
  if (key === 'Ref')
    return typeof arg === 'string' && (index.resource(arg) !== undefined || arg.startsWith('AWS::'));
  if (key === 'Fn::Sub') {
    const text = Array.isArray(arg) ? arg[0] : arg;
    return typeof text === 'string' && subHasLiteralText(text);
  }
  if (key === 'Fn::Join' && Array.isArray(arg) && Array.isArray(arg[1])) {
    const [delimiter, parts] = arg as [unknown, unknown[]];
    const literal = parts.some((p) => typeof p === 'string' && hasNonStar(p));
    return literal || (typeof delimiter === 'string' && hasNonStar(delimiter) && parts.length > 1);
  }
  return false;
}

/** The strings of a string-or-list field, item by item. */
export function valueList(resource: ResourceView, index: TemplateIndex, path: string): ValueList {
  const has = resource.has(path);
  if (!has.known) return has;
  if (!has.value) return { known: true, present: false, values: [], opaque: 0 };
  const whole = resource.get(path);
  if (whole.known) {
    const items = Array.isArray(whole.value) ? whole.value : [whole.value];
    const values = items.filter((v): v is string => typeof v === 'string');
    return { known: true, present: true, values, opaque: items.length - values.length };
  }
  const n = resource.length(path);
  if (n.known && n.value !== undefined) {
    const values: string[] = [];
    let opaque = 0;
    for (let i = 0; i < n.value; i++) {
      const item = resource.get(`${path}.${i}`);
      if (item.known && typeof item.value === 'string') values.push(item.value);
      else if (item.known || cannotBeWildcard(rawAt(resource, `${path}.${i}`), index)) opaque++;
      else return { known: false, reason: item.reason };
    }
    return { known: true, present: true, values, opaque };
  }
  if (cannotBeWildcard(rawAt(resource, path), index))
    return { known: true, present: true, values: [], opaque: 1 };
  return { known: false, reason: whole.reason };
}

function isPublicPrincipal(value: unknown): boolean {
  if (value === '*') return true;
  if (!isRecord(value)) return false;
  const aws = value.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

function statementPaths(resource: ResourceView, document: string): { paths: string[] } | { reason: string } {
  const statement = `${document}.Statement`;
  const n = resource.length(statement);
  if (!n.known) return { reason: n.reason };
  if (n.value !== undefined) return { paths: Array.from({ length: n.value }, (_, i) => `${statement}.${i}`) };
  const has = resource.has(statement);
  if (!has.known) return { reason: has.reason };
  return { paths: has.value ? [statement] : [] };
}

function documentPaths(
  resource: ResourceView,
  pattern: string,
): { paths: string[] } | { path: string; reason: string } {
  const star = pattern.indexOf('.*.');
  if (star < 0) return { paths: [pattern] };
  const list = pattern.slice(0, star);
  const rest = pattern.slice(star + 3);
  const n = resource.length(list);
  if (!n.known) return { path: list, reason: n.reason };
  return { paths: Array.from({ length: n.value ?? 0 }, (_, i) => `${list}.${i}.${rest}`) };
}

export interface StatementOptions {
  /** Document paths to read (defaults to the resource type's entry in POLICY_DOCUMENTS). */
  readonly documents?: readonly string[];
  /** Which statements to visit (default: Allow only). */
  readonly effect?: 'Allow' | 'Deny' | 'any';
}

/**
 * One statement of one resource. The same resource is read by a dozen policy rules, so a statement's field
 * lists and presence checks are computed once per resource view and shared (results are read-only).
 */
class StatementView implements Statement {
  private valueLists: Map<string, ValueList> | undefined;
  private presence: Map<string, Resolved<boolean>> | undefined;
  private publicPrincipal: Resolved<boolean> | undefined;

  constructor(
    readonly path: string,
    readonly effect: 'Allow' | 'Deny',
    private readonly resource: ResourceView,
    private readonly index: TemplateIndex,
  ) {}

  values(field: string): ValueList {
    let list = this.valueLists?.get(field);
    if (list === undefined) {
      list = valueList(this.resource, this.index, `${this.path}.${field}`);
      this.valueLists ??= new Map();
      this.valueLists.set(field, list);
    }
    return list;
  }

  has(field: string): Resolved<boolean> {
    let has = this.presence?.get(field);
    if (has === undefined) {
      has = this.resource.has(`${this.path}.${field}`);
      this.presence ??= new Map();
      this.presence.set(field, has);
    }
    return has;
  }

  principalIsPublic(): Resolved<boolean> {
    this.publicPrincipal ??= this.computePrincipalIsPublic();
    return this.publicPrincipal;
  }

  private computePrincipalIsPublic(): Resolved<boolean> {
    const notPrincipal = this.has('NotPrincipal');
    if (!notPrincipal.known) return notPrincipal;
    if (notPrincipal.value) return { known: true, value: true };
    const principal = this.resource.get(`${this.path}.Principal`);
    if (principal.known) return { known: true, value: isPublicPrincipal(principal.value) };
    if (typeof rawAt(this.resource, `${this.path}.Principal`) === 'string') return principal;
    const aws = this.values('Principal.AWS');
    if (!aws.known) return aws;
    return { known: true, value: aws.values.includes('*') };
  }
}

/** What walking one document pattern of a resource yields, in order: statements and unknown spots. */
type DocumentEntry =
  | { readonly statement: StatementView }
  | { readonly statement?: undefined; readonly path: string; readonly reason: string };

/** Bound on the pattern caches below (action patterns come from user templates). */
const MAX_CACHED_PATTERNS = 10_000;

/** Key of the statements of one document pattern in the per-evaluation memo. */
const STATEMENTS = new Map<string, { readonly pattern: string }>();

function statementsKey(pattern: string): { readonly pattern: string } {
  let key = STATEMENTS.get(pattern);
  if (key === undefined) {
    key = { pattern };
    if (STATEMENTS.size < MAX_CACHED_PATTERNS) STATEMENTS.set(pattern, key);
  }
  return key;
}

/** The statements and unknown spots of one document pattern, walked once per resource and evaluation. */
function walkDocuments(
  resource: ResourceView,
  key: { readonly pattern: string },
  index: TemplateIndex,
): DocumentEntry[] {
  const pattern = key.pattern;
  const entries: DocumentEntry[] = [];
  const documents = documentPaths(resource, pattern);
  if ('reason' in documents) {
    entries.push({ path: documents.path, reason: documents.reason });
    return entries;
  }
  for (const document of documents.paths) {
    if (isPlainObject(rawAt(resource, document))) {
      // Written as an object with no intrinsic on the way: it cannot resolve to a JSON string.
    } else {
      const text = resource.get(document);
      if (text.known && typeof text.value === 'string') {
        entries.push({
          path: document,
          reason: 'the policy document is a JSON string; write it as an object to have it checked',
        });
        continue;
      }
    }
    const statements = statementPaths(resource, document);
    if ('reason' in statements) {
      entries.push({ path: `${document}.Statement`, reason: statements.reason });
      continue;
    }
    for (const path of statements.paths) {
      const effect = resource.get(`${path}.Effect`);
      if (!effect.known) {
        entries.push({ path: `${path}.Effect`, reason: effect.reason });
        continue;
      }
      entries.push({
        statement: new StatementView(path, effect.value === 'Deny' ? 'Deny' : 'Allow', resource, index),
      });
    }
  }
  return entries;
}

const NO_DOCUMENTS: readonly string[] = [];

/**
 * Visit every statement of the resource's policy documents. `visit` returns a fail or unknown result for a
 * statement, or undefined when the statement is fine. Returns pass when no statement is reported.
 */
export function checkStatements(
  resource: ResourceView,
  index: TemplateIndex,
  visit: (statement: Statement) => CheckResult | undefined,
  options: StatementOptions = {},
): CheckResult | readonly CheckResult[] {
  const wanted = options.effect ?? 'Allow';
  let reported: CheckResult[] | undefined;
  for (const pattern of options.documents ?? POLICY_DOCUMENTS[resource.type] ?? NO_DOCUMENTS) {
    for (const entry of memoized(index, resource, statementsKey(pattern), walkDocuments)) {
      let result: CheckResult | undefined;
      if (entry.statement === undefined) result = unknown(entry.path, entry.reason);
      else if (wanted !== 'any' && wanted !== entry.statement.effect) continue;
      else result = visit(entry.statement);
      if (result && result.status !== 'pass') {
        reported ??= [];
        reported.push(result);
      }
    }
  }
  return reported ?? PASS;
}

/** Compiled action globs, by pattern as written (bounded: patterns come from user templates). */
const actionPatterns = new Map<string, RegExp | string>();

/** A glob without wildcards compares as a lower-cased string; others compile once to a RegExp. */
function compileActionPattern(pattern: string): RegExp | string {
  let compiled = actionPatterns.get(pattern);
  if (compiled === undefined) {
    const lower = pattern.toLowerCase();
    if (!lower.includes('*') && !lower.includes('?')) compiled = lower;
    else {
      const source = lower
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
      compiled = new RegExp(`^${source}$`);
    }
    if (actionPatterns.size >= MAX_CACHED_PATTERNS) actionPatterns.clear();
    actionPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** IAM action glob matching (case-insensitive; `*` and `?` wildcards). */
function actionMatches(pattern: string, action: string): boolean {
  const compiled = compileActionPattern(pattern);
  const lower = action.toLowerCase();
  return typeof compiled === 'string' ? compiled === lower : compiled.test(lower);
}

/** Per candidate list (rule constants): for each pattern, which candidates it matches. */
const candidateMatches = new WeakMap<readonly string[], Map<string, readonly boolean[]>>();

function matchesOf(pattern: string, candidates: readonly string[]): readonly boolean[] {
  let byPattern = candidateMatches.get(candidates);
  if (byPattern === undefined) {
    byPattern = new Map();
    candidateMatches.set(candidates, byPattern);
  }
  let matches = byPattern.get(pattern);
  if (matches === undefined) {
    matches = candidates.map((action) => actionMatches(pattern, action));
    if (byPattern.size >= MAX_CACHED_PATTERNS) byPattern.clear();
    byPattern.set(pattern, matches);
  }
  return matches;
}

/** The actions of `candidates` that a statement's Action patterns grant. */
function grantedActions(patterns: readonly string[], candidates: readonly string[]): string[] {
  const granted: string[] = [];
  if (patterns.length === 1) {
    const matches = matchesOf(patterns[0] as string, candidates);
    for (let i = 0; i < candidates.length; i++) if (matches[i]) granted.push(candidates[i] as string);
    return granted;
  }
  for (let i = 0; i < candidates.length; i++) {
    for (const pattern of patterns) {
      if (matchesOf(pattern, candidates)[i]) {
        granted.push(candidates[i] as string);
        break;
      }
    }
  }
  return granted;
}

/** Per access level and pattern, the scopable actions it grants (bounded: patterns come from templates). */
const levelMatches = new Map<string, readonly string[]>();

/** The actions of an access level that a statement's Action patterns grant, from the IAM reference data. */
function grantedAtLevel(patterns: readonly string[], level: AccessLevel): string[] {
  const granted = new Set<string>();
  for (const pattern of patterns) {
    const key = `${level}|${pattern}`;
    let found = levelMatches.get(key);
    if (found === undefined) {
      found = scopableActionsAt(pattern, level);
      if (levelMatches.size >= MAX_CACHED_PATTERNS) levelMatches.clear();
      levelMatches.set(key, found);
    }
    for (const action of found) granted.add(action);
  }
  return [...granted];
}

/**
 * The shared shape of the "X without constraints" IAM rules: an Allow statement that grants any of
 * `actions` on Resource "*" (or with NotAction / NotResource) fails.
 */
export function checkUnconstrainedActions(
  resource: ResourceView,
  index: TemplateIndex,
  actions: readonly string[] | AccessLevel,
  what: string,
): CheckResult | readonly CheckResult[] {
  const grant = (patterns: readonly string[]) =>
    typeof actions === 'string' ? grantedAtLevel(patterns, actions) : grantedActions(patterns, actions);
  return checkStatements(resource, index, (s) => {
    const notAction = s.has('NotAction');
    if (!notAction.known) return unknown(`${s.path}.NotAction`, notAction.reason);
    let granted: string[];
    if (notAction.value) granted = grant(['*']);
    else {
      const action = s.values('Action');
      if (!action.known) return unknown(`${s.path}.Action`, action.reason);
      granted = grant(action.values);
    }
    if (granted.length === 0) return undefined;
    const notResource = s.has('NotResource');
    if (!notResource.known) return unknown(`${s.path}.NotResource`, notResource.reason);
    const res = s.values('Resource');
    if (!res.known) return unknown(`${s.path}.Resource`, res.reason);
    if (!notResource.value && !res.values.includes('*')) return undefined;
    const shown =
      granted.slice(0, 4).join(', ') + (granted.length > 4 ? `, ... (${granted.length} in all)` : '');
    return fail(
      s.path,
      `${what}: the statement allows ${shown} on Resource "*"; expected these actions scoped to specific resource ARNs`,
      { actions: granted, resource: '*' },
      'specific resource ARNs',
    );
  });
}

/**
 * The shared shape of the "resource policy is not public" rules: an Allow statement with Principal "*"
 * (or NotPrincipal) and no Condition fails.
 */
export function checkNoPublicPrincipal(
  resource: ResourceView,
  index: TemplateIndex,
  what: string,
  options: StatementOptions = {},
): CheckResult | readonly CheckResult[] {
  return checkStatements(
    resource,
    index,
    (s) => {
      const open = s.principalIsPublic();
      if (!open.known) return unknown(`${s.path}.Principal`, open.reason);
      if (!open.value) return undefined;
      const condition = s.has('Condition');
      if (!condition.known) return unknown(`${s.path}.Condition`, condition.reason);
      if (condition.value) return undefined;
      return fail(
        `${s.path}.Principal`,
        `${what}: the statement allows Principal "*" with no Condition; expected specific principals or a Condition that narrows them`,
        '*',
        'specific principals',
      );
    },
    options,
  );
}

/**
 * Whether a Deny statement of the resource's own policy documents refuses requests without TLS
 * (`aws:SecureTransport` false), with the results of the walk (unknown spots, or PASS) for when it does not.
 */
export function deniesInsecureTransport(
  resource: ResourceView,
  index: TemplateIndex,
): { found: boolean; results: CheckResult | readonly CheckResult[] } {
  let found = false;
  const results = checkStatements(
    resource,
    index,
    (s) => {
      const secure = resource.get(`${s.path}.Condition.Bool.aws:SecureTransport`);
      if (!secure.known) return unknown(s.path, secure.reason);
      if (secure.value === false || secure.value === 'false') found = true;
      return undefined;
    },
    { effect: 'Deny' },
  );
  return { found, results };
}

/**
 * Whether a resource policy that references `targetId` has a Deny statement for requests without TLS
 * (`aws:SecureTransport` false). Used by the TLS-only bucket, queue and topic rules.
 */
export function hasTlsOnlyPolicy(
  index: TemplateIndex,
  targetId: string,
  policyType: string,
): { known: true; value: boolean; policies: number } | { known: false; reason: string } {
  const policies = index.referencedBy(targetId).filter((r) => r.type === policyType);
  let reason: string | undefined;
  for (const policy of policies) {
    const { found, results } = deniesInsecureTransport(policy, index);
    if (found) return { known: true, value: true, policies: policies.length };
    const unknownResult = (Array.isArray(results) ? results : [results]).find(
      (r: CheckResult) => r.status === 'unknown',
    ) as { reason: string } | undefined;
    if (unknownResult) reason = unknownResult.reason;
  }
  if (reason !== undefined) return { known: false, reason };
  return { known: true, value: false, policies: policies.length };
}

/** Whether the value at `path` is a Ref or Fn::GetAtt to a resource of the template (a customer-made thing). */
export function refersToResource(resource: ResourceView, index: TemplateIndex, path: string): boolean {
  const fn = intrinsic(rawAt(resource, path));
  if (!fn) return false;
  const [key, arg] = fn;
  if (key === 'Ref') return typeof arg === 'string' && index.resource(arg) !== undefined;
  if (key === 'Fn::GetAtt') {
    const target = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
    return typeof target === 'string' && index.resource(target) !== undefined;
  }
  return false;
}
