/**
 * A template with a canonical key order, so that the unified diff shows content changes rather than
 * ordering differences between a hand-written baseline and a generated proposal: sections in the order the
 * CloudFormation docs use, resources and outputs by logical id, resource attributes Type first and
 * Properties last, property keys sorted. Arrays keep their order (it is meaningful).
 */
const SECTION_ORDER = [
  'AWSTemplateFormatVersion',
  'Description',
  'Transform',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Resources',
  'Outputs',
];

const ATTRIBUTE_ORDER = [
  'Type',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  'Metadata',
  'Properties',
];

export function canonicalTemplate(template: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of orderedKeys(Object.keys(template), SECTION_ORDER)) {
    const value = template[key];
    if (key === 'Resources' && isRecord(value)) {
      const resources: Record<string, unknown> = {};
      for (const id of Object.keys(value).sort()) {
        const resource = value[id];
        resources[id] = isRecord(resource) ? canonicalResource(resource) : resource;
      }
      setOwn(out, key, resources);
    } else {
      setOwn(out, key, sortedDeep(value));
    }
  }
  return out;
}

function canonicalResource(resource: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of orderedKeys(Object.keys(resource), ATTRIBUTE_ORDER))
    setOwn(out, key, sortedDeep(resource[key]));
  return out;
}

function orderedKeys(keys: string[], order: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setOwn(out, key, sortedDeep(value[key]));
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
