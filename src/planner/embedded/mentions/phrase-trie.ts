/** A trie of word sequences, for longest-match lookup of phrases in a token list. */
export interface PhraseTrie<T> {
  children: Map<string, PhraseTrie<T>>;
  entry?: T;
}

export function buildTrie<T extends { readonly words: readonly string[] }>(
  phrases: readonly T[],
): PhraseTrie<T> {
  const root: PhraseTrie<T> = { children: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const word of phrase.words) {
      let child = node.children.get(word);
      if (!child) {
        child = { children: new Map() };
        node.children.set(word, child);
      }
      node = child;
    }
    node.entry ??= phrase;
  }
  return root;
}

/**
 * The longest phrase starting at `start`, where each position may match any of its alternative spellings
 * (the word as typed, its lemma). Returns the phrase and the position after it.
 */
export function longestMatch<T>(
  trie: PhraseTrie<T>,
  spellings: readonly (readonly string[])[],
  start: number,
): { entry: T; end: number } | undefined {
  let best: { entry: T; end: number } | undefined;
  const walk = (node: PhraseTrie<T>, at: number) => {
    if (node.entry !== undefined && at > start && (!best || at > best.end))
      best = { entry: node.entry, end: at };
    if (at >= spellings.length) return;
    const seen = new Set<string>();
    for (const spelling of spellings[at]!) {
      if (seen.has(spelling)) continue;
      seen.add(spelling);
      const child = node.children.get(spelling);
      if (child) walk(child, at + 1);
    }
  };
  walk(trie, start);
  return best;
}
