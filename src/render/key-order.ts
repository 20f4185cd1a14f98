/**
 * Canonical key order of a template, decided per position: sections in CloudFormation order, logical ids
 * and section entries sorted, resource attributes in the usual order (Type first, Properties last),
 * property keys sorted (Type first; policy documents and statements in reading order). Keys whose value is
 * undefined are left out. Both emitters and `canonicalTemplate` use this, so JSON and YAML agree.
 */
export const KeyContext = { Value: 0, Root: 1, Resources: 2, Resource: 3, Section: 4 } as const;
export type KeyContext = (typeof KeyContext)[keyof typeof KeyContext];

const TOP_LEVEL = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
];
const SECTIONS = new Set(['Parameters', 'Outputs', 'Conditions', 'Mappings']);
const RESOURCE_ATTRIBUTES = [
  'Type',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'Properties',
];
const POLICY_PRIORITY: Readonly<Record<string, number>> = {
  Version: 1,
  Sid: 2,
  Effect: 3,
  Principal: 4,
  Action: 5,
  NotAction: 6,
  Resource: 7,
  Condition: 8,
};

function comparePolicyKeys(a: string, b: string): number {
  const pa = POLICY_PRIORITY[a] ?? 100;
  const pb = POLICY_PRIORITY[b] ?? 100;
  return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
}

/** How many times `keysOf` left out a key whose value is undefined (the renderer checks it). */
export const undefinedKeys = { count: 0 };

function definedKeys(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (value[keys[i]!] === undefined) {
      undefinedKeys.count++;
      return keys.filter((k) => value[k] !== undefined);
    }
  }
  return keys;
}

/** Plain code-unit order, as `Array.prototype.sort()` without a comparator gives for strings. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort in place, skipping the sort when the keys already are in order (the usual case). */
function sortKeys(keys: string[], compare: (a: string, b: string) => number): string[] {
  for (let i = 1; i < keys.length; i++) {
    if (compare(keys[i - 1]!, keys[i]!) > 0) return keys.sort(compare);
  }
  return keys;
}

function firstThenSorted(value: Record<string, unknown>, first: readonly string[]): string[] {
  const keys = definedKeys(value);
  const out: string[] = [];
  for (const k of first) if (value[k] !== undefined) out.push(k);
  const rest: string[] = [];
  for (const k of keys) if (!first.includes(k)) rest.push(k);
  sortKeys(rest, compareKeys);
  for (const k of rest) out.push(k);
  return out;
}

export function keysOf(value: Record<string, unknown>, context: KeyContext): string[] {
  switch (context) {
    case KeyContext.Root:
      return firstThenSorted(value, TOP_LEVEL);
    case KeyContext.Resource:
      return firstThenSorted(value, RESOURCE_ATTRIBUTES);
    case KeyContext.Resources:
    case KeyContext.Section:
      return sortKeys(definedKeys(value), compareKeys);
    default: {
      const keys = definedKeys(value);
      if (keys.length > 1) {
        if ('Effect' in value || 'Statement' in value) {
          sortKeys(keys, comparePolicyKeys);
        } else {
          sortKeys(keys, compareKeys);
          const type = keys.indexOf('Type');
          if (type > 0) {
            keys.splice(type, 1);
            keys.unshift('Type');
          }
        }
      }
      return keys;
    }
  }
}

export function childContext(context: KeyContext, key: string): KeyContext {
  if (context === KeyContext.Root) {
    if (key === 'Resources') return KeyContext.Resources;
    return SECTIONS.has(key) ? KeyContext.Section : KeyContext.Value;
  }
  if (context === KeyContext.Resources) return KeyContext.Resource;
  return KeyContext.Value;
}
