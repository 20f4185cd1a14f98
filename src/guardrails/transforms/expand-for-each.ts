import { escapePointerSegment } from '../../cfn/json-pointer.ts';
import { setOwn } from '../../cfn/set-own.ts';
import { IntrinsicResolver } from '../intrinsics/intrinsic-resolver.ts';
import type { ResolveContext } from '../intrinsics/resolve-context.ts';
import type { ExpansionProblem } from './expansion-problem.ts';
import type { ResourceOrigin } from './resource-origin.ts';
import { mappedOrigin } from './resource-origin.ts';

/**
 * AWS::LanguageExtensions `Fn::ForEach`, expanded as CloudFormation does before anything else runs:
 *
 *   Fn::ForEach::Topics: [Name, [Orders, Refunds], {'${Name}Topic': {Type: AWS::SNS::Topic, ...}}]
 *
 * makes `OrdersTopic` and `RefundsTopic`. The identifier is replaced in output keys (`${Name}`, and `&{Name}`
 * with non-alphanumerics removed), in `Ref: Name` and in `Fn::Sub` strings. Loops nest, and may appear in
 * Resources, Conditions, Outputs and inside resource properties. A collection known only at deploy time
 * (a parameter without a value) cannot be expanded: that loop is reported as a problem.
 */

const PREFIX = 'Fn::ForEach::';
const MAX_ITEMS = 10_000;

type Bindings = ReadonlyMap<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function substituteText(text: string, bindings: Bindings): string {
  if (bindings.size === 0 || (!text.includes('${') && !text.includes('&{'))) return text;
  return text.replace(/([$&])\{([A-Za-z0-9]+)\}/g, (whole, sigil: string, name: string) => {
    const value = bindings.get(name);
    if (value === undefined) return whole;
    return sigil === '&' ? value.replace(/[^A-Za-z0-9]/g, '') : value;
  });
}

interface LoopContext {
  readonly resolver: IntrinsicResolver;
  readonly problems: ExpansionProblem[];
}

/** Whether a value holds a loop anywhere (cheap test before copying a section). */
function hasLoop(value: unknown, depth = 0): boolean {
  if (depth > 200 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => hasLoop(item, depth + 1));
  for (const key in value) {
    if (key.startsWith(PREFIX) || hasLoop((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** The value with bound identifiers substituted and nested loops expanded. */
function expandValue(value: unknown, bindings: Bindings, context: LoopContext, pointer: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value))
    return value.map((item, i) => expandValue(item, bindings, context, `${pointer}/${i}`));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string' && bindings.has(value.Ref)) {
    return bindings.get(value.Ref);
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const arg = value['Fn::Sub'];
    if (typeof arg === 'string') return { 'Fn::Sub': substituteText(arg, bindings) };
    if (Array.isArray(arg) && typeof arg[0] === 'string') {
      return {
        'Fn::Sub': [
          substituteText(arg[0], bindings),
          expandValue(arg[1], bindings, context, `${pointer}/Fn::Sub/1`),
        ],
      };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, entries] of expandEntries(value, bindings, context, pointer)) setOwn(out, key, entries);
  return out;
}

/** The entries of a mapping with loops expanded in place: [key, value] pairs in order. */
function expandEntries(
  mapping: Record<string, unknown>,
  bindings: Bindings,
  context: LoopContext,
  pointer: string,
  onOutput?: (key: string, sourcePointer: string) => void,
): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(mapping)) {
    const at = `${pointer}/${escapePointerSegment(key)}`;
    const value = mapping[key];
    if (!key.startsWith(PREFIX)) {
      const name = substituteText(key, bindings);
      out.push([name, expandValue(value, bindings, context, at)]);
      onOutput?.(name, at);
      continue;
    }
    const loop = loopParts(key, value, bindings, context, at);
    if (!loop) continue;
    for (const item of loop.items) {
      const inner = new Map(bindings);
      inner.set(loop.identifier, item);
      out.push(...expandEntries(loop.output, inner, context, `${at}/2`, onOutput));
    }
  }
  return out;
}

function loopParts(
  key: string,
  value: unknown,
  bindings: Bindings,
  context: LoopContext,
  pointer: string,
): { identifier: string; items: string[]; output: Record<string, unknown> } | undefined {
  const problem = (message: string) => {
    context.problems.push({ pointer, message: `${key} could not be expanded: ${message}` });
    return undefined;
  };
  if (!Array.isArray(value) || value.length !== 3)
    return problem('expected [identifier, collection, output]');
  const [identifier, collection, output] = value as [unknown, unknown, unknown];
  if (typeof identifier !== 'string' || !isRecord(output)) {
    return problem('expected [identifier, collection, output]');
  }
  const resolved = context.resolver.deep(expandValue(collection, bindings, context, `${pointer}/1`));
  if (!resolved.known) return problem(`its collection is known only at deploy time (${resolved.reason})`);
  const list = resolved.value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return problem('expected its collection to be a list of strings');
  }
  if (list.length > MAX_ITEMS) return problem(`its collection has more than ${MAX_ITEMS} items`);
  return { identifier, items: list.map(String), output };
}

export interface ForEachExpansion {
  readonly template: Record<string, unknown>;
  /** Generated resource id → where it was written (inside its loop). */
  readonly origins: ReadonlyMap<string, ResourceOrigin>;
  readonly problems: readonly ExpansionProblem[];
}

/** Whether the template uses `Fn::ForEach` in a section that allows it. */
export function usesForEach(template: Readonly<Record<string, unknown>>): boolean {
  return ['Resources', 'Conditions', 'Outputs'].some((section) => hasLoop(template[section]));
}

/** Expand every `Fn::ForEach` loop; sections without loops are kept as they are (not copied). */
export function expandForEach(
  template: Readonly<Record<string, unknown>>,
  resolveContext: ResolveContext,
): ForEachExpansion {
  const context: LoopContext = {
    resolver: new IntrinsicResolver(template, resolveContext),
    problems: [],
  };
  const origins = new Map<string, ResourceOrigin>();
  const out: Record<string, unknown> = { ...template };
  for (const section of ['Conditions', 'Outputs', 'Resources'] as const) {
    const mapping = template[section];
    if (!isRecord(mapping) || !hasLoop(mapping)) continue;
    const generated: [string, string][] = [];
    const onOutput =
      section === 'Resources'
        ? (id: string, sourcePointer: string) => {
            if (sourcePointer.includes(`/${PREFIX}`)) generated.push([id, sourcePointer]);
          }
        : undefined;
    const expanded: Record<string, unknown> = {};
    for (const [key, value] of expandEntries(mapping, new Map(), context, `/${section}`, onOutput)) {
      setOwn(expanded, key, value);
    }
    for (const [id, sourcePointer] of generated) {
      const resource = expanded[id];
      const type = isRecord(resource) && typeof resource.Type === 'string' ? resource.Type : '';
      origins.set(id, forEachOrigin(id, type, sourcePointer));
    }
    out[section] = expanded;
  }
  return { template: out, origins, problems: context.problems };
}

function forEachOrigin(id: string, type: string, sourcePointer: string): ResourceOrigin {
  const loop = sourcePointer.split('/').find((segment) => segment.startsWith(PREFIX)) ?? PREFIX;
  return mappedOrigin(id, type, loop, sourcePointer, [['', sourcePointer]]);
}
