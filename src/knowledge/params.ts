import { z } from 'zod';
import type { ParamValue } from '../model/architecture.ts';
import type { Environment } from '../model/kinds.ts';
import { ENVIRONMENTS } from '../model/kinds.ts';

/** The value types a component param can have. */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'string_list';
export type ParamScalar = string | number | boolean | string[] | null;
export type PerEnvironment<T> = Readonly<Record<Environment, T>>;

/** One param of a kind: what the planner may set, what it means, and its default per environment. */
export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly description: string;
  /** One default for every environment, or one per environment. `null` means "not set". */
  readonly default: ParamScalar | PerEnvironment<ParamScalar>;
  readonly unit?: string;
  readonly allowed?: readonly (string | number)[];
  readonly min?: number;
  readonly max?: number;
  /** A regular expression (source text) string values must match. */
  readonly pattern?: string;
  /** A usage assumption for the cost estimate rather than a setting of the infrastructure. */
  readonly usage?: boolean;
}

export type ResolvedParams = Readonly<Record<string, ParamScalar>>;

function isPerEnvironment(value: ParamSpec['default']): value is PerEnvironment<ParamScalar> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function defaultFor(spec: ParamSpec, environment: Environment): ParamScalar {
  return isPerEnvironment(spec.default) ? spec.default[environment] : spec.default;
}

export function defaultsPerEnvironment(spec: ParamSpec): Record<Environment, ParamScalar> {
  const out = {} as Record<Environment, ParamScalar>;
  for (const env of ENVIRONMENTS) out[env] = defaultFor(spec, env);
  return out;
}

function valueSchema(spec: ParamSpec): z.ZodType {
  switch (spec.type) {
    case 'boolean':
      return z.boolean();
    case 'string_list':
      return z.array(z.string().min(1).max(256)).max(50);
    case 'integer':
    case 'number': {
      let schema = spec.type === 'integer' ? z.number().int() : z.number();
      if (spec.min !== undefined) schema = schema.min(spec.min);
      if (spec.max !== undefined) schema = schema.max(spec.max);
      if (spec.allowed) {
        const allowed = spec.allowed;
        return schema.refine((v) => allowed.includes(v), `expected one of ${allowed.join(', ')}`);
      }
      return schema;
    }
    case 'string': {
      if (spec.allowed) return z.enum(spec.allowed.map(String) as [string, ...string[]]);
      let schema = z.string().min(1).max(2048);
      if (spec.pattern) schema = schema.regex(new RegExp(spec.pattern), `expected to match ${spec.pattern}`);
      return schema;
    }
  }
}

const schemas = new WeakMap<readonly ParamSpec[], z.ZodType<Record<string, ParamValue>>>();

/** A strict zod schema for a kind's params: every param optional, unknown names rejected (built once per kind). */
export function paramsSchema(specs: readonly ParamSpec[]): z.ZodType<Record<string, ParamValue>> {
  let schema = schemas.get(specs);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const spec of specs) shape[spec.name] = valueSchema(spec).optional();
    schema = z.strictObject(shape) as unknown as z.ZodType<Record<string, ParamValue>>;
    schemas.set(specs, schema);
  }
  return schema;
}

/** Params with defaults filled in for the environment (values already validated). */
export function resolveParams(
  specs: readonly ParamSpec[],
  params: Readonly<Record<string, ParamValue>>,
  environment: Environment,
): ResolvedParams {
  const out: Record<string, ParamScalar> = {};
  for (const spec of specs) {
    const given = params[spec.name];
    out[spec.name] =
      given === undefined || given === null ? defaultFor(spec, environment) : (given as ParamScalar);
  }
  return out;
}

export function param<T extends ParamSpec>(spec: T): T {
  return spec;
}
