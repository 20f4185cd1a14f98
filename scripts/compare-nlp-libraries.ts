/**
 * `npm run nlp:compare`: the comparison behind docs/decisions/0010: wink-nlp (lite English model) against
 * compromise on the sentences in eval/nlp/verb-tags.json (our own, each with the words that act as verbs).
 * Prints, per library, verb precision/recall/F1 as the library tags them, and for wink also after the
 * planner's domain repairs; and warm milliseconds per sentence. Both models ship in their npm packages.
 */
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../src/planner/embedded/analysis/analyze.ts';

type Labelled = [sentence: string, verbs: string[]];
const set = JSON.parse(readFileSync(new URL('../eval/nlp/verb-tags.json', import.meta.url), 'utf8')) as Labelled[];
const wink = winkNLP(model, ['pos']);

const taggers: Record<string, (s: string) => string[]> = {
  'wink-nlp': (s) => {
    const doc = wink.readDoc(s);
    const words = doc.tokens().out() as string[];
    const pos = doc.tokens().out(wink.its.pos as never) as string[];
    return words.filter((_, k) => pos[k] === 'VERB');
  },
  'wink-nlp + domain repairs (planner analysis stage)': (s) =>
    analyze(s).sentences.flatMap((x) => x.tokens.filter((t) => t.pos === 'VERB').map((t) => t.text)),
  compromise: (s) =>
    nlp(s)
      .match('#Verb')
      .not('(#Modal|#Auxiliary|#Copula)')
      .terms()
      .json()
      .map((t: { terms: { text: string }[] }) => t.terms[0]!.text),
};

for (const [name, tag] of Object.entries(taggers)) {
  for (const [s] of set) tag(s); // warm-up
  const rounds = 20;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const [s] of set) tag(s);
  const ms = (performance.now() - t0) / (rounds * set.length);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, gold] of set) {
    const left = gold.map((g) => g.toLowerCase());
    for (const word of tag(s).map((w) => w.toLowerCase())) {
      const at = left.indexOf(word);
      if (at >= 0) {
        tp++;
        left.splice(at, 1);
      } else fp++;
    }
    fn += left.length;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const f1 = (2 * p * r) / (p + r);
  console.log(
    `${name.padEnd(52)} verbs P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}   ${ms.toFixed(3)} ms/sentence`,
  );
}
console.log(`(${set.length} sentences, ${set.reduce((n, [, v]) => n + v.length, 0)} verbs)`);
