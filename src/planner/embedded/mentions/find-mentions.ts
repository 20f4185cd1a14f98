import type { ComponentKind } from '../../../model/kinds.ts';
import type { Sentence, Token } from '../analysis/token.ts';
import { versionAfter } from '../params/versions.ts';
import { COMMON_WORDS, LEXICON_WORDS } from '../analysis/typo-vocabulary.ts';
import { CARRIED_NOUNS } from '../lexicon/compounds.ts';
import { looksSecret } from '../lexicon/looks-secret.ts';
import { findPhraseHits } from './find-phrase-hits.ts';
import { type Compound, joinCompounds } from './join-compounds.ts';
import type { Mention } from './mention.ts';
import { readNounPhraseStart } from './noun-phrase.ts';

const PRONOUNS = new Set(['it', 'they', 'them', 'this', 'that', 'these', 'those', 'itself']);
const NAME_STOPS = new Set([
  'and',
  'with',
  'that',
  'which',
  ',',
  'for',
  'in',
  'to',
  'on',
  'from',
  'of',
  'as',
  'plus',
  '?',
  ':',
  ';',
  'behind',
  'by',
  'using',
  'via',
  'so',
  'then',
  'who',
  'where',
  'when',
  'is',
  'should',
  'will',
]);
const common = (word: string) => COMMON_WORDS.has(word) || LEXICON_WORDS.has(word);

/** "Postgres 16", "MySQL 8.0", "EKS 1.30": a number right after a versioned product is its version. */
function versionAt(
  tokens: readonly Token[],
  at: number,
  kind: ComponentKind,
): { name: string; value: string } | undefined {
  const word =
    tokens[at]?.w === 'v' || tokens[at]?.w === 'version'
      ? tokens[at + 1]?.w
      : tokens[at]?.w.replace(/^v(?=\d)/, '');
  const unit = tokens[at]?.w === 'v' || tokens[at]?.w === 'version' ? tokens[at + 2]?.w : tokens[at + 1]?.w;
  return versionAfter(kind, word, unit) ?? undefined;
}

/** "called nightly-report", "named 'orders'": the name and where it ends. */
function nameAfter(tokens: readonly Token[], at: number): { name: string; end: number } | undefined {
  const cue = tokens[at];
  if (!cue || (cue.w !== 'called' && cue.w !== 'named')) return undefined;
  const words: string[] = [];
  let end = at + 1;
  for (; end < tokens.length && words.length < 4; end++) {
    const t = tokens[end]!;
    if (t.w === '"') continue;
    if (NAME_STOPS.has(t.w) || (words.length > 0 && !t.joined && t.pos === 'VERB')) break;
    if (looksSecret(t.text)) break;
    if (words.length > 0 && !t.joined && !/^[a-z0-9]+$/.test(t.w)) break;
    words.push(t.typed ?? t.w);
    if (!tokens[end + 1]?.joined) {
      end++;
      break;
    }
  }
  const name = words
    .join('-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return name.length > 0 ? { name, end } : undefined;
}

/** "a bucket for uploads", "one queue for orders": a plain noun after "for" names the component. */
function purposeAfter(tokens: readonly Token[], end: number, taken: ReadonlySet<number>): string | undefined {
  if (tokens[end]?.w !== 'for') return undefined;
  const t = tokens[end + 1];
  const after = tokens[end + 2];
  if (!t || taken.has(end + 1) || !(t.pos === 'NOUN' || t.pos === 'PROPN') || !/^[a-z][a-z0-9]*$/.test(t.w))
    return undefined;
  if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && !taken.has(end + 2)) return undefined;
  if (
    common(t.w) &&
    !CARRIED_NOUNS.has(t.lemma) &&
    ![
      'orders',
      'users',
      'payments',
      'emails',
      'images',
      'uploads',
      'logs',
      'reports',
      'sessions',
      'invoices',
      'thumbnails',
    ].includes(t.w)
  )
    return undefined;
  return looksSecret(t.text) ? undefined : t.w;
}

function toMention(c: Compound, sentence: Sentence, floor: number, taken: ReadonlySet<number>): Mention {
  const { tokens } = sentence;
  const np = readNounPhraseStart(tokens, c.start, floor);
  const named = nameAfter(tokens, c.end);
  const purpose = named ? undefined : purposeAfter(tokens, c.end, taken);
  const last = tokens[c.end - 1]!;
  const params = { ...np.params, ...c.params };
  const version = c.kind ? versionAt(tokens, c.end, c.kind) : undefined;
  if (version) params[version.name] = version.value;
  if (np.scheduled) params.schedule = np.scheduled;
  const role = [...np.role, ...c.role];
  const evidence =
    c.kind === 'static_site' && tokens.slice(np.from, c.start).some((t) => t.w === 'static')
      ? 'noun'
      : c.evidence;
  if (purpose && role.length === 0) role.push(purpose);
  const versionEnd = version
    ? c.end + (tokens[c.end]?.w === 'v' || tokens[c.end]?.w === 'version' ? 2 : 1)
    : c.end;
  const mention: Mention = {
    sentence: sentence.index,
    start: c.start,
    end: named ? named.end : versionEnd,
    from: np.from,
    type: c.type,
    kind: c.kind,
    evidence,
    ...(c.alternatives ? { alternatives: c.alternatives } : {}),
    params,
    ...(c.feature ? { feature: c.feature } : {}),
    ...(c.other ? { other: c.other } : {}),
    ...(c.label ? { label: c.label } : {}),
    role,
    ...(named ? { name: named.name } : {}),
    determiner: np.determiner,
    ...(np.count !== undefined ? { count: np.count } : {}),
    ...(np.quantity ? { quantity: true } : {}),
    distinct: np.distinct,
    each: np.each,
    own: np.own,
    plural: (np.count ?? 1) > 1 || (last.w !== last.lemma && /s$/.test(last.w) && !/ss$/.test(last.w)),
    ...(c.existingId ? { existingId: c.existingId } : {}),
    text: tokens
      .slice(c.start, c.end)
      .map((t) => t.text)
      .join(' '),
    negated: np.determiner === 'negative' || tokens[c.start]!.negated,
    ...(np.scheduled !== undefined ? { scheduled: true } : {}),
  };
  return mention;
}

function standalone(type: 'pronoun' | 'carried', sentence: Sentence, i: number): Mention {
  const t = sentence.tokens[i]!;
  const np = type === 'carried' ? readNounPhraseStart(sentence.tokens, i, 0) : undefined;
  return {
    sentence: sentence.index,
    start: i,
    end: i + 1,
    from: np?.from ?? i,
    type,
    kind: null,
    evidence: 'generic',
    params: {},
    role: [],
    determiner: np?.determiner ?? 'definite',
    distinct: false,
    each: false,
    own: false,
    plural: t.w !== 'it' && t.w !== 'this' && t.w !== 'that' && t.w !== 'itself' && t.lemma !== t.w,
    text: t.text,
    negated: t.negated,
  };
}

/** A pronoun standing for a component: "it", "them"; "that"/"this" only when no noun follows. */
function isPronoun(tokens: readonly Token[], i: number, taken: ReadonlySet<number>): boolean {
  const t = tokens[i]!;
  if (!PRONOUNS.has(t.w)) return false;
  // "a load balancer that routes …": a relative pronoun, not a reference
  if ((t.w === 'that' || t.w === 'which') && taken.has(i - 1)) return false;
  if (t.w === 'that' || t.w === 'this' || t.w === 'these' || t.w === 'those') {
    const next = tokens[i + 1];
    if (
      t.w === 'that' &&
      t.pos !== 'DET' &&
      tokens[i - 1] &&
      !['to', 'from', 'into', 'in', 'on', 'with', 'remove', 'drop', 'delete', 'rename', 'make'].includes(
        tokens[i - 1]!.lemma,
      )
    )
      return false;
    return next === undefined || !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos);
  }
  return true;
}

/**
 * The mentions stage for one sentence: components named by kind, parts, other things, existing ids,
 * pronouns and the things channels carry, each with its noun phrase read (determiner, count, role, name).
 */
export function findMentions(
  sentence: Sentence,
  existingIds: readonly string[],
  covered: ReadonlySet<number> = new Set(),
): Mention[] {
  const { tokens } = sentence;
  const compounds = joinCompounds(findPhraseHits(tokens, existingIds, common, covered), tokens);
  const taken = new Set<number>(covered);
  for (const c of compounds) for (let k = c.start; k < c.end; k++) taken.add(k);
  const mentions: Mention[] = [];
  let floor = 0;
  for (const c of compounds) {
    const after = tokens[c.end];
    if (c.type === 'component' && after && CREDENTIALS.has(after.lemma) && !taken.has(c.end)) {
      // credentials of a thing are a secret's content, never the thing
      taken.add(c.end);
      continue;
    }
    if (c.type === 'component' && c.evidence === 'generic' && after && [':', '-'].includes(after.w)) continue;
    const m = toMention(c, sentence, floor, taken);
    mentions.push(m);
    for (let k = m.from; k < m.end; k++) taken.add(k);
    floor = m.end;
  }
  const emailHere = mentions.some((m) => m.kind === 'email');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken.has(i) && !(covered.has(i) && DOMAIN.test(t.w))) continue;
    if (DOMAIN.test(t.w) && !emailHere) {
      // "api.example.com should point to our API": a domain name is a DNS record
      mentions.push({
        ...standalone('pronoun', sentence, i),
        type: 'component',
        kind: 'dns',
        evidence: 'noun',
        determiner: 'indefinite',
        plural: false,
        params: { domain_name: t.w },
      });
      continue;
    }
    if (
      t.w === 'one' &&
      ['another', 'second', 'new', 'extra', 'more', 'separate', 'different'].includes(tokens[i - 1]?.w ?? '')
    ) {
      const one = standalone('pronoun', sentence, i);
      const purpose =
        purposeAfter(tokens, i + 1, taken) ??
        (tokens[i + 1]?.w === 'for'
          ? tokens.slice(i + 2, i + 5).find((x) => x.pos === 'NOUN')?.w
          : undefined);
      mentions.push({
        ...one,
        from: i - 1,
        distinct: true,
        determiner: 'indefinite',
        role: purpose ? [purpose] : [],
      });
      continue;
    }
    if (isPronoun(tokens, i, taken)) mentions.push(standalone('pronoun', sentence, i));
    else if (
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      CARRIED_NOUNS.has(t.lemma) &&
      !taken.has(i + 1) &&
      !(tokens[i + 1]?.pos === 'NOUN')
    )
      mentions.push(standalone('carried', sentence, i));
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    if (m.type !== 'carried' || !ABOUT_PREPS.has(tokens[m.end]?.w ?? '')) continue;
    const next = mentions.find(
      (x) =>
        x.from > m.end &&
        x.from <= m.end + 2 &&
        (x.type === 'component' || x.type === 'part' || x.type === 'id'),
    );
    if (next) m.about = next;
  }
  return mentions;
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|io|dev|net|org|app|co|ai|cloud|eu|uk|de|fr)$/;
/** Nouns after a component that name its credentials, not it: "the OpenSearch creds", "the Redis password". */
const CREDENTIALS = new Set([
  'cred',
  'creds',
  'credential',
  'credentials',
  'password',
  'passwords',
  'token',
  'key',
  'arn',
  'username',
  'hostname',
  'url',
  'connection',
]);

/** "uploads to the bucket", "messages in the queue", "events from EventBridge": what a carried noun is about. */
const ABOUT_PREPS = new Set(['to', 'in', 'into', 'on', 'onto', 'from', 'of']);
