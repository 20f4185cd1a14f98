import type { Architecture } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Sentence } from '../analysis/token.ts';
import { removalSpan, type SentenceMood } from '../dialogue/sentence-mood.ts';
import { CARRIED_NOUNS } from '../lexicon/compounds.ts';
import { evidenceRank } from '../mentions/find-phrase-hits.ts';
import type { Mention } from '../mentions/mention.ts';
import { apposition } from './apposition.ts';
import type { Entity } from './entity.ts';

export interface EntityInput {
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly Mention[])[];
  readonly moods: readonly SentenceMood[];
  readonly architecture: Architecture;
  /** Component ids the previous turn touched, most relevant last. */
  readonly focus: readonly string[];
}

export interface EntityResult {
  readonly entities: Entity[];
  /** The entities each component, part or id mention stands for (several for "each queue"). */
  readonly of: Map<Mention, Entity[]>;
  readonly notes: string[];
  readonly questions: string[];
  /** Things asked for that cannot be built, as the reply names them. */
  readonly unsupported: string[];
}

import { changesOnly, creationCue, excluded, kindFits, roleFits } from './entity-fit.ts';

/** A generic word that also names what travels ("job", "task", "order"). */
function carriedWord(m: Mention): boolean {
  return CARRIED_NOUNS.has(m.text.toLowerCase().replace(/s$/, ''));
}

export class EntityResolver {
  readonly entities: Entity[] = [];
  readonly of = new Map<Mention, Entity[]>();
  readonly notes: string[] = [];
  readonly questions: string[] = [];
  readonly unsupported: string[] = [];
  private key = 0;
  private readonly input: EntityInput;

  constructor(input: EntityInput) {
    this.input = input;
    for (const c of input.architecture.components) {
      this.entities.push(this.make(c.kind, [], { existing: c.id, params: { ...c.params } }));
    }
  }

  make(kind: ComponentKind, mentions: Mention[], extra: Partial<Entity> = {}): Entity {
    return {
      key: this.key++,
      kind,
      mentions,
      role: [],
      count: 1,
      memberRoles: [],
      params: {},
      evidence: 'noun',
      implicit: false,
      ...extra,
    };
  }

  /** The component "it" means with nothing else to go on: what the last turn touched, or the only one. */
  focusId(): string | undefined {
    const components = this.input.architecture.components;
    return this.input.focus.at(-1) ?? (components.length === 1 ? components[0]!.id : undefined);
  }

  /** A removal sentence removes only in its removal clause; a clause after it asks for things again. */
  private moodAt(m: Mention): SentenceMood {
    const mood = this.input.moods[m.sentence]!;
    if (mood !== 'removal') return mood;
    const mentions = this.input.mentions[m.sentence]!;
    const span = removalSpan(
      this.input.sentences[m.sentence]!.tokens,
      mentions.filter((x) => x.type !== 'other' && x.type !== 'carried').map((x) => x.start),
    );
    return span && m.start >= span.end ? 'request' : mood;
  }

  private existingPick(candidates: Entity[], m: Mention): Entity | undefined {
    if (candidates.length <= 1) return candidates[0];
    const { focus } = this.input;
    const inFocus = candidates.filter((e) => focus.includes(e.existing!));
    if (inFocus.length === 1) return inFocus[0];
    const pool = inFocus.length > 1 ? inFocus : candidates;
    const chosen =
      inFocus.length > 1
        ? pool.reduce((a, b) => (focus.indexOf(a.existing!) > focus.indexOf(b.existing!) ? a : b))
        : candidates[0]!;
    candidates = pool;
    this.questions.push(
      `Which ${m.text} did you mean: ${candidates.map((e) => e.existing).join(' or ')}? I assumed ${chosen.existing}.`,
    );
    return chosen;
  }

  private create(m: Mention, _mood: SentenceMood): Entity | undefined {
    const mood = this.moodAt(m);
    const tokens = this.input.sentences[m.sentence]!.tokens;
    const corroborated =
      m.evidence !== 'generic' ||
      creationCue(tokens, m) ||
      m.name !== undefined ||
      m.count !== undefined ||
      Object.keys(m.params).length > 0 ||
      m.determiner === 'indefinite';
    if (!corroborated && (mood === 'question' || mood === 'removal' || m.plural)) return undefined;
    // "uses various AWS services", "other databases": a generic plural names no particular thing
    if (m.evidence === 'generic' && m.plural && m.count === undefined && m.role.length === 0 && !m.name)
      return undefined;
    // "the stage", "an integration": a part named by its plain noun is never a component of its own
    if (m.type === 'part' && m.evidence !== 'brand') return undefined;
    const entity = this.make(m.kind!, [m], {
      ...(corroborated ? {} : { tentative: true }),
      role: [...m.role],
      ...(m.name ? { name: m.name } : {}),
      count: Math.max(1, m.count ?? 1),
      params: { ...m.params },
      evidence: m.evidence,
      ...(m.evidence === 'generic' && m.alternatives && m.alternatives.length > 1
        ? { alternatives: m.alternatives }
        : {}),
      ...(m.scheduled ? { scheduled: (m.params.schedule as string | undefined) ?? null } : {}),
    });
    delete entity.params.schedule;
    this.entities.push(entity);
    return entity;
  }

  private merge(entity: Entity, m: Mention): Entity {
    entity.mentions.push(m);
    if (m.evidence !== 'generic' || m.determiner === 'indefinite') delete entity.tentative;
    if (entity.role.length === 0 && m.role.length > 0 && !entity.existing) entity.role = [...m.role];
    if (!entity.name && m.name && !entity.existing) entity.name = m.name;
    if (evidenceRank(m.evidence) > evidenceRank(entity.evidence)) {
      entity.evidence = m.evidence;
      if (m.evidence !== 'generic') delete entity.alternatives;
    }
    if (
      !entity.existing &&
      m.kind &&
      entity.kind !== m.kind &&
      evidenceRank(m.evidence) > 0 &&
      entity.alternatives?.includes(m.kind)
    )
      entity.kind = m.kind;
    Object.assign(entity.params, m.params);
    delete entity.params.schedule;
    if (m.scheduled && entity.scheduled === undefined)
      entity.scheduled = (m.params.schedule as string | undefined) ?? null;
    return entity;
  }

  /**
   * Two indefinite mentions of one kind listed in one sentence ("a Lambda … and a Lambda …") are two; a part
   * named first ("an EventBridge rule … a custom event bus") is the part of the one named after.
   */
  private listedTogether(entity: Entity, m: Mention): boolean {
    return entity.mentions.some(
      (x) =>
        x.sentence === m.sentence &&
        x.type !== 'part' &&
        x.determiner !== 'definite' &&
        m.determiner === 'indefinite' &&
        x.start < m.start,
    );
  }

  /**
   * A counted mention of things already named: "the two functions" after a producer and a consumer function
   * are those two; "two SQS queues" after a title's bare "SQS" are what the title named.
   */
  private countedBefore(fresh: readonly Entity[], m: Mention): Entity[] | undefined {
    const singles = fresh.filter((e) => e.count === 1);
    if (m.determiner === 'definite') {
      if (singles.length !== m.count) return undefined;
      for (const e of singles) this.merge(e, m);
      return singles;
    }
    const bare = singles.find(
      (e) =>
        e.role.length === 0 &&
        e.mentions.every((x) => x.type === 'component' && x.determiner === 'none' && !x.plural),
    );
    if (!bare) return undefined;
    bare.count = m.count!;
    return [this.merge(bare, m)];
  }

  /** A group without roles that a singular mention naming a role picks one member out of. */
  private memberOf(fresh: readonly Entity[], m: Mention): Entity | undefined {
    if (m.role.length === 0 || m.plural || m.count !== undefined || m.type !== 'component') return undefined;
    return fresh.find(
      (e) => e.count > 1 && e.role.length === 0 && !e.perItemOf && !e.members && e.kind === m.kind,
    );
  }

  /** The entity a mention refers to, never creating one: for edits of what exists ("rename the queue"). */
  refer(m: Mention): Entity | undefined {
    if (m.type === 'id') return this.entities.find((e) => e.existing === m.existingId);
    if (m.kind === null) return undefined;
    let candidates = this.entities.filter((e) => kindFits(e, m));
    const fits = candidates.map((e) => roleFits(e, m.role));
    if (fits.includes('same')) candidates = candidates.filter((_, k) => fits[k] === 'same');
    else candidates = candidates.filter((_, k) => fits[k] === 'none');
    const fresh = candidates.filter((e) => !e.existing);
    const found =
      fresh.at(-1) ??
      this.existingPick(
        candidates.filter((e) => e.existing),
        m,
      );
    if (found) this.merge(found, m);
    return found;
  }

  resolve(m: Mention): Entity[] {
    if (m.type === 'other') {
      if (m.other === 'unsupported' && m.label && !this.unsupported.includes(m.label))
        this.unsupported.push(m.label);
      return [];
    }
    if (m.type === 'id') {
      const found = this.entities.find((e) => e.existing === m.existingId);
      return found ? [this.merge(found, m)] : [];
    }
    if (m.type === 'pronoun' && m.distinct) {
      // "and another one for the processed files": one more of what was just named
      const like =
        [...this.entities].reverse().find((e) => !e.existing && e.mentions.length > 0) ??
        this.entities.find((e) => e.existing === this.focusId());
      if (!like) return [];
      const entity = this.make(like.kind, [m], { role: [...m.role], evidence: 'noun' });
      this.entities.push(entity);
      return [entity];
    }
    if (m.type !== 'component' && m.type !== 'part') return [];
    if (m.kind === null) return [];
    const mood = this.moodAt(m);
    const same = apposition(this.input, this.of, m);
    if (same) return [this.merge(same, m)];
    if (m.negated && mood !== 'removal' && excluded(this.input.sentences[m.sentence]!.tokens, m)) {
      if (m.type === 'component') this.notes.push(`I left out the ${m.text}, as you said.`);
      return [];
    }
    let candidates = this.entities.filter((e) => kindFits(e, m));
    const fits = candidates.map((e) => roleFits(e, m.role));
    if (fits.includes('same')) candidates = candidates.filter((_, k) => fits[k] === 'same');
    else candidates = candidates.filter((_, k) => fits[k] === 'none');
    if (m.name) {
      const named = candidates.filter((e) => e.name === m.name || e.existing === m.name);
      candidates = named.length > 0 ? named : candidates.filter((e) => !e.name && !e.existing);
    }
    const fresh = candidates.filter((e) => !e.existing);
    const existing = candidates.filter((e) => e.existing);
    const group = this.memberOf(fresh, m);
    if (group) {
      // "two Lambda functions …, the producer function …": one of the two, named by its role
      group.count -= 1;
      const member = this.create(m, mood);
      return member ? [member] : [];
    }
    // "process each job": with nothing of its kind named before, a generic "each" is what travels
    if (m.each && !m.own && candidates.length === 0 && m.evidence === 'generic' && carriedWord(m)) return [];
    if (m.each && !m.own && candidates.length > 0) {
      const groups = candidates.filter((e) => e.count > 1);
      const all = groups.length > 0 ? groups.slice(-1) : fresh.length > 0 ? fresh : existing;
      for (const e of all) this.merge(e, m);
      return all;
    }
    if ((mood === 'removal' || mood === 'question') && candidates.length === 0) {
      // "remove the audit queue" when the one queue is called "queue": the words describe it, they don't name another
      const loose = this.entities.filter((e) => kindFits(e, m) && e.existing);
      if (loose.length === 1) return [this.merge(loose[0]!, m)];
    }
    if (m.quantity) {
      // "it can invoke over 200 services": said of the world, it names nothing to build
      const pick = fresh.at(-1) ?? existing.at(-1);
      return pick ? [this.merge(pick, m)] : [];
    }
    if (mood === 'removal' || mood === 'question') {
      if (mood === 'removal' && m.plural && m.count === undefined && candidates.length > 1) {
        for (const e of candidates) this.merge(e, m);
        return candidates;
      }
      const pick = fresh.at(-1) ?? this.existingPick(existing, m);
      return pick ? [this.merge(pick, m)] : [];
    }
    if (m.own) {
      // "each consumed by its own Lambda": one per member of the group named before
      let group = [...this.entities]
        .reverse()
        .find((e) => !e.existing && e.count > 1 && e.mentions.some((x) => x.sentence === m.sentence));
      if (!group) {
        // "the users lambda and the orders lambda each get their own table": one per thing named before
        const before = this.input.mentions[m.sentence]!.filter((x) => x.end <= m.from).flatMap(
          (x) => this.of.get(x) ?? [],
        );
        const kinds = before.filter((e, k) => before.indexOf(e) === k && e.kind !== m.kind);
        const same = kinds.filter((e) => e.kind === kinds[0]?.kind);
        if (same.length > 1) group = this.make(same[0]!.kind, [], { members: same, count: same.length });
      }
      const created = this.create(m, mood);
      if (created && group) {
        created.count = group.count;
        created.perItemOf = group;
      }
      return created ? [created] : [];
    }
    if (m.count !== undefined && m.count > 1) {
      const same = fresh.find((e) => e.count === m.count);
      if (same && !m.distinct) return [this.merge(same, m)];
      const named = !m.distinct && this.countedBefore(fresh, m);
      if (named) return named;
      const created = this.create(m, mood);
      return created ? [created] : [];
    }
    if (m.distinct) {
      const created = this.create(m, mood);
      return created ? [created] : [];
    }
    const tokens = this.input.sentences[m.sentence]!.tokens;
    if (m.determiner === 'definite' || m.type === 'part') {
      const pick = fresh.at(-1) ?? this.existingPick(existing, m);
      if (pick) return [this.merge(pick, m)];
      const table =
        m.kind === 'stream' && m.evidence === 'noun'
          ? [...this.entities].reverse().find((e) => e.kind === 'kv_table')
          : undefined;
      if (table) {
        // "fire off the stream" after a DynamoDB table: the table's stream
        m.feature = 'stream';
        return [this.merge(table, m)];
      }
      if (m.type === 'part' && m.evidence !== 'brand') return [];
      if (changesOnly(tokens)) {
        // "make the api private" with no API: there is nothing to change, and nothing asked for
        this.notes.push(`There is no ${m.text} to change yet.`);
        return [];
      }
      const created = this.create(m, mood);
      return created ? [created] : [];
    }
    const last = fresh.at(-1);
    if (last && !this.listedTogether(last, m)) return [this.merge(last, m)];
    if (
      !last &&
      existing.length > 0 &&
      !(creationCue(tokens, m) || (mood === 'request' && m.determiner === 'indefinite'))
    ) {
      const pick = this.existingPick(existing, m);
      if (pick) return [this.merge(pick, m)];
    }
    const created = this.create(m, mood);
    return created ? [created] : [];
  }
}

/**
 * The entities stage: mentions of one thing merged into one entity (same kind and nothing that tells them
 * apart), counts, "another", "each … its own" and roles kept apart; existing components referred to;
 * generic words create nothing without corroboration.
 */
export function resolveEntities(input: EntityInput): EntityResult {
  const resolver = new EntityResolver(input);
  for (const sentence of input.mentions) for (const m of sentence) resolver.of.set(m, resolver.resolve(m));
  const { entities, of, notes, questions, unsupported } = resolver;
  return { entities, of, notes, questions, unsupported };
}
