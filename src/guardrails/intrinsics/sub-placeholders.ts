/** One piece of an Fn::Sub string: literal text or a `${Name}` / `${Resource.Attribute}` placeholder. */
export type SubPart = { readonly text: string } | { readonly name: string };

/**
 * Split an Fn::Sub string into literal text and placeholders; `${!Literal}` stays the literal `${Literal}`.
 * A placeholder runs from `${` to the next `}` (what /\$\{([^}]*)\}/g matches), scanned without a RegExp
 * iterator: every Sub of every template goes through here.
 */
export function subPlaceholders(source: string): SubPart[] {
  const parts: SubPart[] = [];
  let last = 0;
  let open = source.indexOf('${');
  while (open >= 0) {
    const close = source.indexOf('}', open + 2);
    if (close < 0) break;
    if (open > last) parts.push({ text: source.slice(last, open) });
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!')) parts.push({ text: `\${${inner.slice(1)}}` });
    else parts.push({ name: inner.trim() });
    last = close + 1;
    open = source.indexOf('${', last);
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}
