import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { RawToken } from './tokenize.ts';
import type { PartOfSpeech } from './token.ts';

/** What the tagger says of one word: its part of speech and, for verbs, the base form. */
export interface Tag {
  pos: PartOfSpeech;
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** wink-nlp with its lite English model, loaded on first use (about 100 ms) and kept. */
function tagger(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/** Tokens the tagger would cut differently ("db.r6g.large", "orders_table") stand in as a plain noun. */
function forTagger(token: RawToken): string {
  if (/^[A-Za-z]+$/.test(token.text) || /^\d+$/.test(token.text)) return token.text;
  if (/^[?,:;!()]$/.test(token.text)) return token.text;
  return 'thing';
}

/**
 * Tags words with wink-nlp's part-of-speech model. The tagger sees the words as the tokenizer cut them,
 * joined by spaces; its own tokens are aligned back onto ours (a word it splits, like "cannot", takes the
 * tag of its first part).
 */
export function tagPartsOfSpeech(tokens: readonly RawToken[]): Tag[] {
  const text = tokens.map(forTagger).join(' ');
  const doc = tagger().readDoc(text);
  const its = tagger().its;
  const words: string[] = doc.tokens().out();
  const tags = doc.tokens().out(its.pos as never) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const out: Tag[] = [];
  let k = 0;
  for (const token of tokens) {
    const want = forTagger(token).toLowerCase();
    let got = (words[k] ?? '').toLowerCase();
    const first = k;
    // the tagger may split one of our words ("cannot" → "can" + "not"): take its parts together
    while (got !== want && want.startsWith(got) && k + 1 < words.length && got.length > 0) {
      k++;
      got += (words[k] ?? '').toLowerCase();
    }
    if (got === want) {
      out.push({ pos: (tags[first] ?? 'X') as PartOfSpeech, lemma: (lemmas[first] ?? want).toLowerCase() });
      k++;
    } else {
      // out of step: find our word a little further on, else leave it untagged
      const ahead = words.slice(first, first + 4).findIndex((x) => x.toLowerCase() === want);
      if (ahead >= 0) {
        out.push({ pos: (tags[first + ahead] ?? 'X') as PartOfSpeech, lemma: want });
        k = first + ahead + 1;
      } else {
        k = first;
        out.push({ pos: 'X', lemma: want });
      }
    }
  }
  return out;
}
