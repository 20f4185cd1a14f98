import type { AccessMode, ComponentKind, Environment } from '../model/kinds.ts';
import { COMPONENT_KINDS } from '../model/kinds.ts';
import { validAccessModes } from './access-modes.ts';
import { KIND_DEFINITIONS } from './kinds/index.ts';
import { defaultsPerEnvironment, type ParamScalar, type ParamType } from './params.ts';

export interface CatalogueParam {
  name: string;
  type: ParamType;
  unit: string | null;
  default: Record<Environment, ParamScalar>;
  description: string;
  allowed: (string | number)[] | null;
  min: number | null;
  max: number | null;
  /** Regular expression (source) string values must match. */
  pattern: string | null;
  /** A cost-estimate usage assumption rather than an infrastructure setting. */
  usage: boolean;
}

export interface CatalogueEntry {
  kind: ComponentKind;
  title: string;
  description: string;
  awsResources: string[];
  /** Whether the kind lives in the VPC: always, never, or when it reaches a VPC resource. */
  network: 'always' | 'never' | 'when-connected';
  params: CatalogueParam[];
  /** Kinds this kind can connect to, with the valid access modes (kind order of the contract). */
  connections: { to: ComponentKind; access: AccessMode[] }[];
}

let cached: CatalogueEntry[] | undefined;

/** Every kind with its params and connections, in contract order; stable across calls (the planner's prompt). */
export function kindCatalogue(): CatalogueEntry[] {
  cached ??= COMPONENT_KINDS.flatMap((kind) => {
    const definition = KIND_DEFINITIONS[kind];
    if (!definition) return [];
    return [
      {
        kind,
        title: definition.title,
        description: definition.description,
        awsResources: [...definition.awsResources],
        network: definition.network,
        params: definition.params.map((spec) => ({
          name: spec.name,
          type: spec.type,
          unit: spec.unit ?? null,
          default: defaultsPerEnvironment(spec),
          description: spec.description,
          allowed: spec.allowed ? [...spec.allowed] : null,
          min: spec.min ?? null,
          max: spec.max ?? null,
          pattern: spec.pattern ?? null,
          usage: spec.usage === true,
        })),
        connections: COMPONENT_KINDS.filter((to) => KIND_DEFINITIONS[to])
          .map((to) => ({ to, access: validAccessModes(kind, to) }))
          .filter((c) => c.access.length > 0),
      },
    ];
  });
  return structuredClone(cached);
}
