import type { Environment } from '../../../model/kinds.ts';
import type { Token } from '../analysis/token.ts';

/** Team, environment, region and name stated in a sentence, and the token positions they used. */
export interface MetaHits {
  team?: string;
  environment?: Environment;
  region?: string;
  name?: string;
  covered: Set<number>;
}

const ENVIRONMENT_WORDS: Readonly<Record<string, Environment>> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  live: 'prod',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  uat: 'staging',
  dev: 'dev',
  development: 'dev',
  sandbox: 'dev',
};

const NOT_TEAMS = new Set([
  'hi',
  'hello',
  'hey',
  'thanks',
  'dear',
  'folks',
  'all',
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'this',
  'that',
  'same',
  'here',
  'there',
  'needs',
  'wants',
  'please',
  'whole',
  'other',
  'new',
  'is',
  'are',
  'and',
  'for',
  'of',
  'to',
  'in',
  'on',
  'with',
  'by',
  'which',
  'what',
  'each',
  'every',
  'one',
  'own',
  'entire',
  'no',
  'any',
  'some',
  'be',
  'will',
  'wants',
  'needs',
  'has',
  'owns',
  'please',
]);

const REGION_NAMES: Readonly<Record<string, string>> = {
  ireland: 'eu-west-1',
  dublin: 'eu-west-1',
  london: 'eu-west-2',
  paris: 'eu-west-3',
  frankfurt: 'eu-central-1',
  stockholm: 'eu-north-1',
  milan: 'eu-south-1',
  virginia: 'us-east-1',
  ohio: 'us-east-2',
  california: 'us-west-1',
  oregon: 'us-west-2',
  tokyo: 'ap-northeast-1',
  seoul: 'ap-northeast-2',
  singapore: 'ap-southeast-1',
  sydney: 'ap-southeast-2',
  mumbai: 'ap-south-1',
  canada: 'ca-central-1',
};

function teamName(word: string | undefined): string | undefined {
  if (
    word === undefined ||
    NOT_TEAMS.has(word) ||
    ENVIRONMENT_WORDS[word] ||
    !/^[a-z][a-z0-9]*$/.test(word)
  ) {
    return undefined;
  }
  return word;
}

export function findMeta(tokens: readonly Token[], sentence: string): MetaHits {
  const hits: MetaHits = { covered: new Set() };
  const lower = sentence.toLowerCase();

  const region =
    /\b([a-z]{2}(?:-gov)?-(?:east|west|north|south|central|northeast|southeast|northwest|southwest)-\d)\b/.exec(
      lower,
    );
  if (region) hits.region = region[1];

  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.w;
    const prev = tokens[i - 1]?.w;
    const next = tokens[i + 1]?.w;
    // "team payments", "team: payments"
    if (w === 'team' && hits.team === undefined) {
      const after =
        next === ':' || next === '=' || next === 'is' || next === 'called' || next === 'named'
          ? i + 2
          : i + 1;
      const candidate = teamName(tokens[after]?.w);
      const before = teamName(prev);
      const lead = tokens[i - 2]?.w;
      const beforeFirst =
        before !== undefined &&
        (lead === undefined || ['the', 'for', 'by', 'from', 'of', ','].includes(lead));
      if (before !== undefined && (beforeFirst || candidate === undefined)) {
        // "the payments team", "for payments team"
        hits.team = before;
        hits.covered.add(i - 1);
        hits.covered.add(i);
      } else if (candidate !== undefined) {
        // "team payments", "team: payments"
        hits.team = candidate;
        hits.covered.add(i);
        hits.covered.add(after);
      }
      continue;
    }
    if ((w === 'owner' || w === 'owned') && hits.team === undefined) {
      let j = i + 1;
      while (tokens[j] && ['by', ':', '=', 'is', 'the'].includes(tokens[j]!.w)) j++;
      const candidate = teamName(tokens[j]?.w);
      if (candidate !== undefined) {
        hits.team = candidate;
        for (let k = i; k <= j; k++) hits.covered.add(k);
        if (tokens[j + 1]?.w === 'team') hits.covered.add(j + 1);
      }
      continue;
    }
    const environment = ENVIRONMENT_WORDS[w];
    if (environment !== undefined) {
      // "live" and "stage" only count as environments in the phrases people use them in
      if (
        (w === 'live' || w === 'stage') &&
        !(prev === 'in' || prev === 'for' || next === 'environment' || next === 'env')
      ) {
        continue;
      }
      if (next === 'team') continue;
      // "pre-prod" is staging, "non-prod" is dev
      const qualified = prev === 'pre' ? 'staging' : prev === 'non' ? 'dev' : environment;
      hits.environment = qualified;
      if (prev === 'pre' || prev === 'non') hits.covered.add(i - 1);
      hits.covered.add(i);
      if (next === 'environment' || next === 'env' || next === 'account') hits.covered.add(i + 1);
      continue;
    }
    if (hits.region === undefined && (prev === 'in' || prev === 'to') && REGION_NAMES[w] !== undefined) {
      hits.region = REGION_NAMES[w];
      hits.covered.add(i);
    }
  }

  if (hits.team !== undefined) {
    // team names may have hyphens, which the tokenizer splits: "team data-eng"
    const before = new RegExp(`\\b((?:[a-z][a-z0-9]*-)+)${hits.team}\\b`).exec(lower);
    if (before) {
      const extra = before[1]!.split('-').filter(Boolean);
      const at = tokens.findIndex(
        (t, i) => t.w === hits.team && extra.every((part, k) => tokens[i - extra.length + k]?.w === part),
      );
      if (at >= 0) {
        hits.team = `${before[1]}${hits.team}`;
        for (let k = 1; k <= extra.length; k++) hits.covered.add(at - k);
      }
    }
    const hyphenated = new RegExp(`\\b${hits.team}((?:-[a-z0-9]+)+)\\b`).exec(lower);
    if (hyphenated) {
      const extra = hyphenated[1]!.split('-').filter(Boolean);
      const at = tokens.findIndex(
        (t, i) => t.w === hits.team && extra.every((part, k) => tokens[i + 1 + k]?.w === part),
      );
      if (at >= 0) {
        hits.team = `${hits.team}${hyphenated[1]}`;
        for (let k = 1; k <= extra.length; k++) hits.covered.add(at + k);
      }
    }
  }

  const named =
    /\b(?:call (?:the (?:app|application|project|stack|system))|name (?:the (?:app|application|project|stack|system))|(?:app|application|project|stack|system) (?:is )?(?:called|named))\s+["'`]?([a-z][a-z0-9-]{0,60})/.exec(
      lower,
    );
  if (named) hits.name = named[1];
  return hits;
}
