import type { Mention } from '../mentions/mention.ts';
import type { ParamHit } from '../params/find-params.ts';
import type { Entity } from './entity.ts';

export interface ParamInput {
  /** Param phrases of each sentence. */
  readonly hits: readonly (readonly ParamHit[])[];
  readonly mentions: readonly (readonly Mention[])[];
  /** Every mention's entities: components, parts and ids from the entities stage, pronouns from relations. */
  readonly entitiesOf: (m: Mention) => readonly Entity[];
  readonly entities: readonly Entity[];
  /** Entities the previous turn touched, most relevant last. */
  readonly focus: readonly Entity[];
  /** Whether a kind accepts a param value (the knowledge base's check). */
  readonly accepts: (kind: Entity['kind'], name: string, value: Entity['params'][string]) => boolean;
  /** Makes an entity nobody named, for a param that implies one ("api.example.com" implies DNS). */
  readonly create: (kind: 'dns', params: Entity['params']) => Entity;
}

export interface ParamResult {
  readonly notes: string[];
  readonly questions: string[];
}

/**
 * Gives each param phrase to the nearest mention whose kind takes it ("a 500 GB Postgres" → storage_gb),
 * else to what the previous turn touched, else to the only component that takes it; asks when several
 * could. A schedule nobody takes puts the nearest code on a timer.
 */
export function assignParams(input: ParamInput): ParamResult {
  const takes = (hit: ParamHit, e: Entity) => {
    const v = hit.value(e.kind);
    return v !== null && input.accepts(e.kind, v.name, v.value);
  };
  const notes: string[] = [];
  const questions: string[] = [];
  input.hits.forEach((hits, s) => {
    const mentions = input.mentions[s] ?? [];
    for (const hit of hits) {
      let best: Entity[] | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const m of mentions) {
        const entities = input.entitiesOf(m).filter((e) => takes(hit, e) && !e.tentative);
        if (entities.length === 0) continue;
        const distance = hit.start >= m.end ? hit.start - m.end : m.start - hit.end + 0.5;
        if (distance < bestDistance) {
          best = [...entities];
          bestDistance = distance;
        }
      }
      if (!best) {
        const focused = [...input.focus].reverse().find((e) => takes(hit, e));
        const takers = input.entities.filter((e) => takes(hit, e) && !e.tentative);
        if (focused) best = [focused];
        else if (takers.length === 1) best = takers;
        else if (takers.length > 1) {
          questions.push(
            `Which one should get ${hit.describe}: ${takers.map((e) => e.existing ?? e.mentions[0]?.text ?? e.kind).join(' or ')}?`,
          );
          continue;
        }
      }
      if (!best && hit.value('dns') !== null) {
        const value = hit.value('dns')!;
        input.create('dns', { [value.name]: value.value });
        continue;
      }
      if (!best) {
        if (hit.value('cron') !== null) {
          const named = mentions.flatMap((m) => input.entitiesOf(m));
          // code first; else anything a schedule can start ("every hour put a message on the reindex queue")
          const code =
            named.find((e) => ['function', 'workflow', 'worker', 'container_service'].includes(e.kind)) ??
            named.find((e) => ['queue', 'topic'].includes(e.kind));
          if (code) {
            code.scheduled = hit.value('cron')!.value as string;
            continue;
          }
        }
        const named = mentions.flatMap((m) => input.entitiesOf(m)).find((e) => !e.tentative);
        if (named)
          notes.push(
            `I can't set ${hit.describe} on ${named.existing ?? named.mentions[0]?.text ?? named.kind} yet, so I left it as it is.`,
          );
        else if (mentions.some((m) => m.type === 'component'))
          notes.push(`Nothing here takes ${hit.describe}, so I left it out.`);
        continue;
      }
      for (const entity of best) {
        const value = hit.value(entity.kind)!;
        entity.params[value.name] = value.value;
      }
    }
  });
  return { notes, questions };
}
