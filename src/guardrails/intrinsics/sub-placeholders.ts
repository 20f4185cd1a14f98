/** One piece of an Fn::Sub string: literal text or a `${Name}` / `${Resource.Attribute}` placeholder. */
export type SubPart = { readonly text: string } | { readonly name: string };

/** Split an Fn::Sub string into literal text and placeholders; `${!Literal}` stays the literal `${Literal}`. */
export function subPlaceholders(source: string): SubPart[] {
  const parts: SubPart[] = [];
  let last = 0;
  for (const match of source.matchAll(/\$\{([^}]*)\}/g)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: source.slice(last, index) });
    const inner = match[1] ?? '';
    if (inner.startsWith('!')) parts.push({ text: `\${${inner.slice(1)}}` });
    else parts.push({ name: inner.trim() });
    last = index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}
