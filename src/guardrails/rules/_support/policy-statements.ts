import { intrinsicKey } from '../../intrinsics/intrinsic-key.ts';
import type { CheckResult, Resolved, ResourceView, TemplateIndex } from '../../rule.ts';
import { PASS, unknown } from './check-result.ts';
import { jsonDocumentView, subDocumentView } from './json-policy-document.ts';
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
  /** A field of the statement, resolved (the statement may come from a JSON string document). */
  get(field: string): Resolved;
  /** A field of the statement as written (intrinsics unresolved), when no intrinsic lies above it. */
  raw(field: string): unknown;
  /** Whether the statement names everyone (`*`, `{AWS: "*"}`) or uses NotPrincipal. */
  principalIsPublic(): Resolved<boolean>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
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

  get(field: string): Resolved {
    return this.resource.get(`${this.path}.${field}`);
  }

  raw(field: string): unknown {
    return rawAt(this.resource, `${this.path}.${field}`);
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
export const MAX_CACHED_PATTERNS = 10_000;

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
    // The document as written, or the object a JSON string document encodes (Fn::Sub text whose
    // placeholders are known only at deploy time is read with those values kept symbolic).
    let view = resource;
    const raw = rawAt(resource, document);
    if (!isPlainObject(raw)) {
      const text = resource.get(document);
      if (text.known && typeof text.value === 'string') {
        const decoded = jsonDocumentView(resource, document, text.value);
        if ('reason' in decoded) {
          entries.push({ path: document, reason: decoded.reason });
          continue;
        }
        view = decoded.view;
      } else if (!text.known && isRecord(raw) && 'Fn::Sub' in raw) {
        view = subDocumentView(resource, index, document, raw['Fn::Sub'])?.view ?? resource;
      }
    }
    const statements = statementPaths(view, document);
    if ('reason' in statements) {
      entries.push({ path: `${document}.Statement`, reason: statements.reason });
      continue;
    }
    for (const path of statements.paths) {
      const effect = view.get(`${path}.Effect`);
      if (!effect.known) {
        entries.push({ path: `${path}.Effect`, reason: effect.reason });
        continue;
      }
      entries.push({
        statement: new StatementView(path, effect.value === 'Deny' ? 'Deny' : 'Allow', view, index),
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
