import { validAccessModes } from '../../knowledge/access-modes.ts';
import { kindDefinition } from '../../knowledge/kinds/index.ts';
import { paramsSchema } from '../../knowledge/params.ts';
import type { ParamValue } from '../../model/architecture.ts';
import type { AccessMode, ComponentKind } from '../../model/kinds.ts';

/** What the embedded planner asks the knowledge base: which params a kind takes and which links are valid. */
export interface PlannerKnowledge {
  /** Null when the kind takes the param with this value; otherwise why not. */
  checkParam(kind: ComponentKind, name: string, value: ParamValue): string | null;
  accessModes(from: ComponentKind, to: ComponentKind): readonly AccessMode[];
}

export function knowledgeBase(): PlannerKnowledge {
  const schemas = new Map<ComponentKind, ReturnType<typeof paramsSchema>>();
  const names = new Map<ComponentKind, Set<string>>();
  const schemaOf = (kind: ComponentKind) => {
    let schema = schemas.get(kind);
    if (!schema) {
      const params = kindDefinition(kind).params;
      schema = paramsSchema(params);
      schemas.set(kind, schema);
      names.set(kind, new Set(params.map((p) => p.name)));
    }
    return schema;
  };
  return {
    checkParam(kind, name, value) {
      const schema = schemaOf(kind);
      if (!names.get(kind)?.has(name)) return `a ${kind} has no "${name}" setting`;
      const parsed = schema.safeParse({ [name]: value });
      return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid value');
    },
    accessModes: validAccessModes,
  };
}
