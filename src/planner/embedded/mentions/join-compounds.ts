import type { ParamValue } from '../../../model/architecture.ts';
import type { ComponentKind } from '../../../model/kinds.ts';
import type { Token } from '../analysis/token.ts';
import { KIND_COMPOUNDS, MEANS_AFTER, MODIFIES, PARTS_AFTER } from '../lexicon/compounds.ts';
import type { Evidence } from '../lexicon/kind-phrases.ts';
import type { OtherWhat } from '../lexicon/other-phrases.ts';
import { versionAfter } from '../params/versions.ts';
import { evidenceRank, type PhraseHit } from './find-phrase-hits.ts';

/** A run of words naming one thing, after joining adjacent phrases ("Amazon SQS queue", "DynamoDB stream"). */
export interface Compound {
  start: number;
  end: number;
  type: 'component' | 'part' | 'other' | 'id';
  kind: ComponentKind | null;
  evidence: Evidence;
  alternatives?: readonly ComponentKind[];
  params: Record<string, ParamValue>;
  feature?: string;
  other?: OtherWhat;
  label?: string;
  existingId?: string;
  /** Words of a first kind name that only qualify the second ("worker" in "worker Lambda"). */
  role: string[];
  /** Whether the phrase is only a modifier ("Fargate", "Aurora") standing alone. */
  modifier: boolean;
}

function fromHit(hit: PhraseHit): Compound {
  if (hit.type === 'id') {
    return {
      start: hit.start,
      end: hit.end,
      type: 'id',
      kind: null,
      evidence: 'brand',
      params: {},
      existingId: hit.id,
      role: [],
      modifier: false,
    };
  }
  if (hit.type === 'other') {
    const p = hit.phrase;
    return {
      start: hit.start,
      end: hit.end,
      type: p.what === 'part' ? 'part' : 'other',
      kind: p.of ?? null,
      evidence: p.words.length > 1 ? 'brand' : 'noun',
      params: {},
      ...(p.feature ? { feature: p.feature } : {}),
      other: p.what,
      ...(p.label ? { label: p.label } : {}),
      role: [],
      modifier: false,
    };
  }
  const p = hit.phrase;
  return {
    start: hit.start,
    end: hit.end,
    type: 'component',
    kind: p.kind,
    evidence: p.evidence,
    ...(p.alternatives ? { alternatives: p.alternatives } : {}),
    params: { ...p.params },
    role: [],
    modifier: p.modifier === true,
  };
}

function sameKind(a: Compound, b: Compound): ComponentKind | null {
  if (a.kind === null || b.kind === null) return null;
  if (a.kind === b.kind) return a.kind;
  if (b.evidence === 'generic' && b.alternatives?.includes(a.kind)) return a.kind;
  if (a.evidence === 'generic' && a.alternatives?.includes(b.kind)) return b.kind;
  return null;
}

/** Joins b (right after a) into a, or returns null when they stay two things. */
function join(a: Compound, b: Compound, tokens: readonly Token[]): Compound | null {
  if (
    a.type === 'other' &&
    a.other === 'service' &&
    b.type === 'component' &&
    (b.evidence === 'generic' || b.kind === 'http_api')
  ) {
    // "Amazon Translate service API", "the Rekognition endpoint": the other service's own API
    return { ...a, end: b.end };
  }
  const bWords = tokens
    .slice(b.start, b.end)
    .map((t) => t.w)
    .join(' ');
  if (a.type === 'component' && a.kind !== 'http_api' && b.type !== 'component' && MEANS_AFTER.has(bWords)) {
    // "using the DynamoDB service integration": how the table is reached, not another link to it
    return { ...a, end: b.end, type: 'part', feature: 'means' };
  }
  if (a.type !== 'component' || (b.type !== 'component' && b.type !== 'part')) return null;
  const aKind = a.kind!;
  if (b.type === 'part') {
    if (b.kind === aKind || (aKind === 'postgres' && b.kind === 'postgres')) {
      return { ...b, start: a.start, params: { ...a.params }, evidence: a.evidence };
    }
    return null;
  }
  const bKind = b.kind!;
  const same = sameKind(a, b);
  if (same) {
    const stronger = evidenceRank(a.evidence) >= evidenceRank(b.evidence) ? a : b;
    const alternatives = stronger.evidence === 'generic' ? stronger.alternatives : undefined;
    const { alternatives: _drop, ...rest } = stronger;
    return {
      ...rest,
      ...(alternatives ? { alternatives } : {}),
      start: a.start,
      end: b.end,
      kind: same,
      params: { ...a.params, ...b.params },
      modifier: false,
    };
  }
  const compound = KIND_COMPOUNDS[`${aKind}>${bKind}`];
  if (compound) {
    return {
      ...b,
      start: a.start,
      kind: compound,
      evidence: 'brand',
      params: { ...a.params, ...b.params },
      modifier: false,
    };
  }
  if (a.modifier && MODIFIES[aKind]?.includes(bKind)) {
    const params = { ...b.params };
    if (a.params.flavor !== undefined) params.flavor = a.params.flavor;
    const { alternatives: _drop, ...rest } = b;
    return { ...rest, start: a.start, evidence: 'brand', params, modifier: false };
  }
  // "Lambda service", "SQS service": a generic word after a brand belongs to the brand
  if (b.evidence === 'generic' && a.evidence !== 'generic') return { ...a, end: b.end };
  // "worker Lambda", "API Lambda": a plain kind noun before another kind's name only qualifies it
  if (a.evidence !== 'brand' && a.end - a.start === 1 && b.evidence !== 'generic') {
    return { ...b, start: a.start, role: [tokens[a.start]!.w, ...b.role] };
  }
  return null;
}

/** Words after a component that make it a part of it ("DynamoDB stream", "S3 event notifications"). */
function partAfter(c: Compound, tokens: readonly Token[]): Compound {
  if (c.type !== 'component' || c.kind === null) return c;
  const parts = PARTS_AFTER[c.kind];
  if (!parts) return c;
  let end = c.end;
  let feature: string | undefined;
  while (end < tokens.length && end < c.end + 2) {
    if (tokens[end]!.pos === 'VERB') break;
    const next = parts[tokens[end]!.lemma];
    if (!next) break;
    feature ??= next;
    end++;
  }
  if (!feature) return c;
  return { ...c, type: 'part', end, feature };
}

/**
 * Joins adjacent phrase hits into compounds: the same kind twice ("SQS queue", "Postgres database"), a
 * modifier and its noun ("Aurora MySQL", "Fargate worker"), compound kinds ("S3 static website"), a part
 * after its owner ("DynamoDB stream"), a generic word after a brand ("Lambda service"), and a plain kind
 * noun qualifying another kind's name ("worker Lambda").
 */
export function joinCompounds(hits: readonly PhraseHit[], tokens: readonly Token[]): Compound[] {
  const out: Compound[] = [];
  for (const hit of hits) {
    const next = fromHit(hit);
    const last = out.at(-1);
    // "MySQL 8.0 database", "Redis 7.1 cache": a version between a product and its noun
    const versionGap =
      last !== undefined &&
      next.start === last.end + 1 &&
      /^v?\d+(\.\d+)*$/.test(tokens[last.end]!.w) &&
      // "MySQL 8.0 database"; "Aurora Serverless v2 MySQL-Compatible": a modifier's version, then its engine
      (next.evidence !== 'brand' || last.modifier);
    if (last && (last.end === next.start || versionGap)) {
      const joined = join(last, next, tokens);
      if (joined) {
        const version =
          versionGap && joined.kind && !last.modifier
            ? versionAfter(joined.kind, tokens[last.end]!.w.replace(/^v/, ''), undefined)
            : null;
        out[out.length - 1] = version
          ? { ...joined, params: { ...joined.params, [version.name]: version.value } }
          : joined;
        continue;
      }
    }
    // "S3 data lake bucket", "DynamoDB orders table": a brand, naming words, then its own kind's noun
    const gap = last ? tokens.slice(last.end, next.start) : [];
    if (
      last &&
      last.type === 'component' &&
      next.type === 'component' &&
      last.evidence === 'brand' &&
      next.evidence !== 'brand' &&
      last.kind === next.kind &&
      gap.length > 0 &&
      gap.length <= 2 &&
      gap.every(
        (t) => (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') && /^[a-z][a-z0-9]*$/.test(t.w),
      )
    ) {
      out[out.length - 1] = {
        ...last,
        end: next.end,
        role: [...last.role, ...gap.map((t) => t.w)],
        params: { ...last.params, ...next.params },
      };
      continue;
    }
    out.push(next);
  }
  return out.map((c) => partAfter(c, tokens));
}
