import type { CfnResource, CfnTemplate } from '../../../src/cfn/cfn-template.ts';
import { NAME_PROPERTIES } from './name-properties.ts';

/** Reads a file next to the template (a state machine definition, an OpenAPI body); undefined when absent. */
export type ReadRelative = (path: string) => string | undefined;

/** A `${Name}` placeholder of `Fn::Sub` or a state machine definition (`${!Literal}` is no placeholder). */
export const PLACEHOLDER = /\$\{([^}!][^}]*)\}/g;

/** Logical ids SAM generates (its implicit APIs) that a template may refer to without declaring them. */
const SAM_IMPLICIT = new Set(['ServerlessRestApi', 'ServerlessHttpApi']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one key of a single-key object (an intrinsic such as `{Ref: X}`), or undefined. */
function soleKey(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
}

/**
 * A template, read the way the truth mapper needs it: resources by logical id, and which resources a value
 * refers to (`Ref`, `Fn::GetAtt`, `${X}` in `Fn::Sub`, or a resource's physical name written out again, as
 * in `TableName: !Sub ${AWS::StackName}-Orders` in one place and `table/${AWS::StackName}-Orders` in another).
 */
export class TemplateContext {
  readonly resources: ReadonlyMap<string, CfnResource>;
  private readonly nameKeys: { key: string; id: string }[] = [];

  constructor(
    readonly template: CfnTemplate,
    readonly readRelative: ReadRelative = () => undefined,
  ) {
    const resources = new Map<string, CfnResource>();
    for (const [id, resource] of Object.entries(isRecord(template.Resources) ? template.Resources : {})) {
      if (isRecord(resource) && typeof resource.Type === 'string') resources.set(id, resource);
    }
    this.resources = resources;
    for (const [id, resource] of resources) {
      for (const property of NAME_PROPERTIES[resource.Type] ?? []) {
        const key = this.canonical(resource.Properties?.[property]);
        if (key !== undefined && isDistinctiveName(key)) this.nameKeys.push({ key, id });
      }
    }
  }

  type(id: string): string | undefined {
    return this.resources.get(id)?.Type;
  }

  props(id: string): Record<string, unknown> {
    const properties = this.resources.get(id)?.Properties;
    return isRecord(properties) ? properties : {};
  }

  /** Logical ids of the resources of one or more types, in template order. */
  ofType(...types: string[]): string[] {
    return [...this.resources].filter(([, r]) => types.includes(r.Type)).map(([id]) => id);
  }

  /**
   * A value as one string with `${Name}` placeholders (`Ref` → `${X}`, `GetAtt` → `${X.Attr}`, `Sub`, `Join`
   * and `FindInMap` spelled out, parameters with a default replaced by it); undefined when it is not string-like.
   */
  canonical(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (!isRecord(value)) return undefined;
    const key = soleKey(value);
    const arg = key === undefined ? undefined : value[key];
    if (key === 'Ref' && typeof arg === 'string') {
      const fallback = this.parameterDefault(arg);
      return fallback ?? `\${${arg}}`;
    }
    if (key === 'Fn::GetAtt') {
      const parts = typeof arg === 'string' ? arg.split('.') : Array.isArray(arg) ? arg : [];
      return parts.every((p) => typeof p === 'string') && parts.length >= 1
        ? `\${${parts.join('.')}}`
        : undefined;
    }
    if (key === 'Fn::Sub') {
      const [text, vars] = typeof arg === 'string' ? [arg, {}] : Array.isArray(arg) ? [arg[0], arg[1]] : [];
      if (typeof text !== 'string') return undefined;
      const variables = isRecord(vars) ? vars : {};
      return text.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(variables, name)) return this.canonical(variables[name]) ?? whole;
        return this.parameterDefault(name) ?? whole;
      });
    }
    if (key === 'Fn::FindInMap' && Array.isArray(arg) && arg.length === 3) {
      const [map, top, second] = arg.map((a) => this.canonical(a));
      const mapping = map === undefined ? undefined : this.template.Mappings?.[map];
      const row = top === undefined ? undefined : mapping?.[top];
      return second === undefined || !isRecord(row) ? undefined : this.canonical(row[second]);
    }
    if (key === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
      const parts = arg[1].map((p) => this.canonical(p));
      return parts.every((p) => p !== undefined) ? parts.join(arg[0]) : undefined;
    }
    return undefined;
  }

  /** A parameter's default as a string (when it has one): templates are read as deployed with defaults. */
  parameterDefault(name: string): string | undefined {
    const parameter = this.template.Parameters?.[name];
    const value = isRecord(parameter) ? parameter.Default : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }

  /** Resources a piece of canonical text names: `${X}` / `${X.Attr}` placeholders and physical names. */
  refsInText(text: string): Set<string> {
    const out = new Set<string>();
    for (const match of text.matchAll(PLACEHOLDER)) {
      const id = (match[1] ?? '').split('.')[0] ?? '';
      if (this.resources.has(id) || SAM_IMPLICIT.has(id)) out.add(id);
    }
    for (const { key, id } of this.nameKeys) if (containsName(text, key)) out.add(id);
    return out;
  }

  /** Resources a template value refers to, anywhere inside it. */
  refsIn(value: unknown): Set<string> {
    const out = new Set<string>();
    const visit = (v: unknown): void => {
      if (typeof v === 'string') {
        for (const id of this.refsInText(v)) out.add(id);
        return;
      }
      if (Array.isArray(v)) {
        v.forEach(visit);
        return;
      }
      if (!isRecord(v)) return;
      const key = soleKey(v);
      if (
        key === 'Ref' ||
        key === 'Fn::GetAtt' ||
        key === 'Fn::Sub' ||
        key === 'Fn::Join' ||
        key === 'Fn::FindInMap'
      ) {
        const text = this.canonical(v);
        if (text !== undefined) {
          for (const id of this.refsInText(text)) out.add(id);
          if (key === 'Fn::Sub' || key === 'Fn::Join') visit(v[key]);
          return;
        }
      }
      for (const inner of Object.values(v)) visit(inner);
    };
    visit(value);
    return out;
  }

  /** The first resource a value refers to whose type is one of `types`. */
  refOfType(value: unknown, ...types: string[]): string | undefined {
    for (const id of this.refsIn(value)) if (types.includes(this.type(id) ?? '')) return id;
    return undefined;
  }
}

/** A physical name specific enough to recognise elsewhere: some literal text, not only pseudo parameters. */
function isDistinctiveName(key: string): boolean {
  const literal = key.replace(PLACEHOLDER, '');
  return literal.replace(/[^A-Za-z0-9]/g, '').length >= 3;
}

/** `text` holds `name` as a whole ARN or path segment (`table/${Name}`, `${Name}/*`, `:${Name}`). */
function containsName(text: string, name: string): boolean {
  let from = text.indexOf(name);
  while (from >= 0) {
    const before = from === 0 ? '' : (text[from - 1] ?? '');
    const after = text[from + name.length] ?? '';
    if ((before === '' || '/:"\' '.includes(before)) && (after === '' || '/*:"\' '.includes(after)))
      return true;
    from = text.indexOf(name, from + 1);
  }
  return false;
}

/** A value that may be one item or a list, as a list (absent: empty). */
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export { isRecord, list };
