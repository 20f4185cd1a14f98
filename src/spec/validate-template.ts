import type { PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';
import { escapePointerSegment } from '../cfn/json-pointer.ts';
import { isIntrinsic } from '../knowledge/cfn.ts';
import { specDatabase } from './spec-database.ts';
import type { SpecIssue } from './spec-issue.ts';

type Problem = Omit<SpecIssue, 'logicalId' | 'resourceType'>;

const resourceCache = new Map<string, Resource | null>();
const typeCache = new Map<string, TypeDefinition>();

function typeDefinition(db: SpecDatabase, ref: string): TypeDefinition {
  let found = typeCache.get(ref);
  if (!found) {
    found = db.get('typeDefinition', ref) as TypeDefinition;
    typeCache.set(ref, found);
  }
  return found;
}

function lookupResource(db: SpecDatabase, type: string): Resource | null {
  let found = resourceCache.get(type);
  if (found === undefined) {
    found = db.lookup('resource', 'cloudFormationType', 'equals', type)[0] ?? null;
    resourceCache.set(type, found);
  }
  return found;
}

function describe(type: PropertyType, db: SpecDatabase): string {
  switch (type.type) {
    case 'array':
      return `list of ${describe(type.element, db)}`;
    case 'map':
      return `map of ${describe(type.element, db)}`;
    case 'ref':
      return `object ${typeDefinition(db, type.reference.$ref).name}`;
    case 'union':
      return type.types.map((t) => describe(t, db)).join(' or ');
    case 'tag':
      return 'tag {Key, Value}';
    default:
      return type.type;
  }
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON pointer built only when a problem needs it (most values have none). */
interface Path {
  readonly parent: Path | null;
  readonly segment: string;
}

/** Segments are kept as they are and escaped here; the root segment is the already escaped prefix. */
function pointer(path: Path): string {
  const segments: string[] = [];
  for (let p: Path | null = path; p; p = p.parent)
    segments.push(p.parent ? escapePointerSegment(p.segment) : p.segment);
  return segments.reverse().join('/');
}

const child = (parent: Path, segment: string | number): Path => ({ parent, segment: String(segment) });

type SpecProperty = { required?: boolean; type: PropertyType; previousTypes?: PropertyType[] };

function checkProperties(
  db: SpecDatabase,
  properties: Record<string, SpecProperty>,
  value: Record<string, unknown>,
  path: Path,
  owner: string,
  out: Problem[],
): void {
  for (const name in value) {
    const property = properties[name];
    if (!property) {
      out.push({
        code: 'unknown-property',
        path: pointer(child(path, name)),
        message: `${owner} has no property "${name}"`,
      });
      continue;
    }
    const item = value[name];
    const at = child(path, name);
    if (property.previousTypes && property.previousTypes.length > 0) {
      checkAlternatives(db, [property.type, ...property.previousTypes], item, at, out);
    } else {
      checkType(db, property.type, item, at, out);
    }
  }
  for (const name in properties) {
    const property = properties[name]!;
    if (property.required && value[name] === undefined) {
      out.push({
        code: 'missing-required-property',
        path: pointer(child(path, name)),
        message: `${owner} requires property "${name}" (${describe(property.type, db)})`,
      });
    }
  }
}

/** The value is valid if any of the types accepts it; otherwise report the closest type's problems. */
function checkAlternatives(
  db: SpecDatabase,
  types: readonly PropertyType[],
  value: unknown,
  path: Path,
  out: Problem[],
): void {
  if (isIntrinsic(value)) return;
  let best: Problem[] | undefined;
  for (const type of types) {
    const problems: Problem[] = [];
    checkType(db, type, value, path, problems);
    if (problems.length === 0) return;
    if (!best || problems.length < best.length) best = problems;
  }
  if (best) out.push(...best);
}

function wrong(db: SpecDatabase, type: PropertyType, value: unknown, path: Path, out: Problem[]): void {
  const actual = Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
  out.push({
    code: 'wrong-type',
    path: pointer(path),
    message: `expected ${describe(type, db)}, got ${actual}`,
  });
}

function checkType(db: SpecDatabase, type: PropertyType, value: unknown, path: Path, out: Problem[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        wrong(db, type, value, path, out);
      return;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' && !(typeof value === 'string' && NUMERIC.test(value)))
        wrong(db, type, value, path, out);
      return;
    case 'boolean':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false')
        wrong(db, type, value, path, out);
      return;
    case 'json':
      if (value === undefined) wrong(db, type, value, path, out);
      return;
    case 'null':
      if (value !== null) wrong(db, type, value, path, out);
      return;
    case 'tag':
      if (!(isPlainObject(value) && value.Key !== undefined && value.Value !== undefined))
        wrong(db, type, value, path, out);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        wrong(db, type, value, path, out);
        return;
      }
      for (let index = 0; index < value.length; index++)
        checkType(db, type.element, value[index], child(path, index), out);
      return;
    case 'map':
      if (!isPlainObject(value)) {
        wrong(db, type, value, path, out);
        return;
      }
      for (const key in value) checkType(db, type.element, value[key], child(path, key), out);
      return;
    case 'ref': {
      if (!isPlainObject(value)) {
        wrong(db, type, value, path, out);
        return;
      }
      const definition = typeDefinition(db, type.reference.$ref);
      checkProperties(db, definition.properties, value, path, definition.name, out);
      return;
    }
    case 'union':
      checkAlternatives(db, type.types, value, path, out);
      return;
  }
}

/**
 * Check a template against the CloudFormation resource specification: every resource type exists, every
 * property exists for its type, required properties are present, and values have the right primitive
 * types. Values computed by intrinsics (Ref, Fn::*) are accepted as they are resolved at deploy time.
 */
export function validateTemplate(template: unknown): SpecIssue[] {
  const db = specDatabase();
  const issues: SpecIssue[] = [];
  const resources = isPlainObject(template) && isPlainObject(template.Resources) ? template.Resources : {};

  for (const logicalId of Object.keys(resources).sort()) {
    const resource = resources[logicalId];
    const base = `/Resources/${escapePointerSegment(logicalId)}`;
    if (!isPlainObject(resource) || typeof resource.Type !== 'string') {
      issues.push({
        code: 'unknown-resource-type',
        logicalId,
        resourceType: '',
        path: `${base}/Type`,
        message: 'resource has no Type',
      });
      continue;
    }
    const type = resource.Type;
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') continue;
    const spec = lookupResource(db, type);
    if (!spec) {
      issues.push({
        code: 'unknown-resource-type',
        logicalId,
        resourceType: type,
        path: `${base}/Type`,
        message: `unknown resource type ${type}`,
      });
      continue;
    }
    const properties = resource.Properties === undefined ? {} : resource.Properties;
    if (!isPlainObject(properties)) {
      issues.push({
        code: 'wrong-type',
        logicalId,
        resourceType: type,
        path: `${base}/Properties`,
        message: 'Properties must be an object',
      });
      continue;
    }
    const problems: Problem[] = [];
    checkProperties(
      db,
      spec.properties,
      properties,
      { parent: null, segment: `${base}/Properties` },
      type,
      problems,
    );
    for (const problem of problems) issues.push({ ...problem, logicalId, resourceType: type });
  }
  return issues;
}
