import type { ComponentKind } from '../../../model/kinds.ts';
import type { Entity } from '../entities/entity.ts';
import type { Mention } from '../mentions/mention.ts';

interface Appearance {
  readonly entity: Entity;
  readonly sentence: number;
  readonly at: number;
  readonly subject: boolean;
}

const CHANNELS_FOR: Readonly<Record<string, readonly ComponentKind[]>> = {
  message: ['queue', 'topic', 'stream', 'event_bus'],
  event: ['event_bus', 'bucket', 'kv_table', 'stream', 'topic', 'queue'],
  record: ['stream', 'kv_table', 'delivery_stream', 'queue'],
  notification: ['topic', 'bucket', 'queue'],
  upload: ['bucket'],
  file: ['bucket', 'file_system'],
  object: ['bucket'],
  image: ['bucket'],
  photo: ['bucket'],
  picture: ['bucket'],
  video: ['bucket'],
  document: ['bucket', 'kv_table'],
  job: ['queue', 'stream'],
  task: ['queue'],
  item: ['kv_table', 'queue', 'stream'],
  order: ['queue', 'kv_table', 'stream', 'event_bus'],
  change: ['kv_table', 'stream'],
  update: ['kv_table', 'stream', 'topic'],
  request: ['http_api', 'queue'],
  payload: ['queue', 'http_api', 'stream'],
  log: ['delivery_stream', 'stream', 'bucket'],
  metric: ['stream'],
  data: ['stream', 'delivery_stream', 'bucket', 'kv_table'],
  datum: ['stream', 'delivery_stream', 'bucket', 'kv_table'],
};
const CODE: ReadonlySet<ComponentKind> = new Set([
  'function',
  'container_service',
  'worker',
  'vm',
  'k8s_cluster',
  'workflow',
]);
const SINGULAR = new Set(['it', 'this', 'that', 'itself']);

/** What the message has talked about so far, in order: what "it", "them" and "the messages" refer to. */
export class Discourse {
  private readonly seen: Appearance[] = [];
  private readonly focus: readonly Entity[];

  /** `focus`: the entities the previous turn touched, most relevant last. */
  constructor(focus: readonly Entity[]) {
    this.focus = focus;
  }

  note(entities: readonly Entity[], m: Mention, subject: boolean): void {
    for (const entity of entities) this.seen.push({ entity, sentence: m.sentence, at: m.start, subject });
  }

  /** Most recent first: this sentence before `at`, then earlier sentences, then the previous turn's focus. */
  private before(sentence: number, at: number): Entity[] {
    const out: Entity[] = [];
    for (let k = this.seen.length - 1; k >= 0; k--) {
      const a = this.seen[k]!;
      if (a.sentence > sentence || (a.sentence === sentence && a.at >= at)) continue;
      if (!out.includes(a.entity)) out.push(a.entity);
    }
    for (let k = this.focus.length - 1; k >= 0; k--)
      if (!out.includes(this.focus[k]!)) out.push(this.focus[k]!);
    return out;
  }

  /** The subject of the last clause that had one, before this point. */
  lastSubject(sentence: number, at: number): Entity | undefined {
    for (let k = this.seen.length - 1; k >= 0; k--) {
      const a = this.seen[k]!;
      if (a.sentence > sentence || (a.sentence === sentence && a.at >= at)) continue;
      if (a.subject) return a.entity;
    }
    return this.focus.at(-1);
  }

  /** The code that was last the subject of a clause, before this point: what a description is about. */
  lastSubjectCode(sentence: number, at: number): Entity | undefined {
    for (let k = this.seen.length - 1; k >= 0; k--) {
      const a = this.seen[k]!;
      if (a.sentence > sentence || (a.sentence === sentence && a.at >= at)) continue;
      if (a.subject && CODE.has(a.entity.kind)) return a.entity;
    }
    return undefined;
  }

  /**
   * What a pronoun or a carried noun stands for. `asSubject`: it opens a clause ("It writes to …").
   * `fits` narrows to entities that make sense with the clause's verb; `not` is the clause's actor.
   */
  resolve(
    m: Mention,
    options: { asSubject: boolean; fits?: (e: Entity) => boolean; not?: Entity; preferCode?: boolean },
  ): Entity[] {
    const word = m.text.toLowerCase();
    const earlier = this.before(m.sentence, m.start).filter((e) => e !== options.not);
    const fits = options.fits ?? (() => true);
    if (m.type === 'carried') {
      const lemma = word.replace(/s$/, '');
      // "a Fargate task …, the task exports …": the thing named by that part, not what tasks travel on
      const named = earlier.find(
        (e) => fits(e) && e.mentions.some((x) => x.type === 'part' && x.feature === lemma),
      );
      if (named && m.determiner === 'definite') return [named];
      const kinds = CHANNELS_FOR[lemma] ?? CHANNELS_FOR[word] ?? [];
      for (const kind of kinds) {
        const hit = earlier.find((e) => e.kind === kind && fits(e));
        if (hit) return [hit];
      }
      return [];
    }
    if (!SINGULAR.has(word)) {
      const group = earlier.find((e) => e.count > 1 && fits(e));
      if (group) return [group];
      // "two Lambdas and a table", then "they both write to the table": the several of one kind
      for (const e of earlier) {
        const same = earlier.filter((x) => x.kind === e.kind && fits(x));
        if (same.length > 1 && options.asSubject) return same;
      }
      const first = earlier.find(fits);
      if (first) {
        const same = earlier.filter((e) => e.kind === first.kind && fits(e));
        const sameSentence = same.filter((e) =>
          this.seen.some((a) => a.entity === e && a.sentence === m.sentence),
        );
        return sameSentence.length > 1 ? sameSentence : [first];
      }
      return [];
    }
    if (options.asSubject) {
      const subject = this.lastSubject(m.sentence, m.start);
      const code = (e: Entity) => CODE.has(e.kind);
      if (subject && subject !== options.not && fits(subject) && (!options.preferCode || code(subject)))
        return [subject];
      // "it also sends emails": what acts is code
      const acting = options.preferCode ? earlier.find((e) => code(e) && fits(e)) : undefined;
      if (acting) return [acting];
    }
    const hit = earlier.find(fits) ?? earlier[0];
    return hit ? [hit] : [];
  }
}
