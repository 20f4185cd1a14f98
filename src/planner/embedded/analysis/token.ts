/** Universal part-of-speech tags, as the tagger (wink-nlp) gives them. */
export type PartOfSpeech =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

/** One word of a sentence after analysis. */
export interface Token {
  /** Position in the sentence. */
  readonly i: number;
  /** The word as typed, case kept ("DynamoDB", "db.r6g.large"). */
  readonly text: string;
  /** Lower case, typo corrected ("postgress" → "postgres"). */
  readonly w: string;
  /** Dictionary form: singular nouns, base verbs ("queues" → "queue", "writes" → "write"). */
  readonly lemma: string;
  /** The lower-case word as typed, when typo correction changed it. */
  readonly typed?: string;
  /** Part of speech from the tagger, repaired where the domain knows better. */
  pos: PartOfSpeech;
  /** Inside the scope of a negation ("don't add a cache": add, a, cache). */
  negated: boolean;
  /** Written against the word before, without a space ("orders-db": "db" is joined). */
  readonly joined: boolean;
}

/** One sentence of a message. */
export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Ends with a question mark or opens like a question ("why", "what", "can we", "is there"). */
  readonly interrogative: boolean;
}

/** The analysis stage's output: the message as sentences of tagged tokens. */
export interface Analysis {
  readonly text: string;
  readonly sentences: readonly Sentence[];
}
