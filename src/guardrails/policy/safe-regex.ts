/** Limits that keep policy regexes from backtracking catastrophically. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_MATCH_INPUT_LENGTH = 10_000;

/**
 * Compiles a policy-supplied pattern, or says why it is refused: too long, invalid, back-references, or a
 * quantified group that itself contains a quantifier (`(a+)+`, `(\w*)*`), the shape behind ReDoS.
 */
export function compileSafeRegex(pattern: string, flags = ''): RegExp | string {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `pattern is ${pattern.length} characters long; expected at most ${MAX_PATTERN_LENGTH}`;
  }
  if (!/^[imsu]*$/.test(flags)) return `flags "${flags}" are not allowed; expected any of "i", "m", "s", "u"`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed in policy patterns';
  if (hasNestedQuantifier(pattern)) {
    return 'a quantified group containing a quantifier (like "(a+)+") can backtrack exponentially; rewrite it';
  }
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
}

function hasNestedQuantifier(pattern: string): boolean {
  // A stack of "does this open group contain a quantifier" flags.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push(false);
    else if (ch === ')') {
      const inner = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (inner && quantified && next !== '?') return true;
      if (stack.length > 0 && (inner || quantified)) stack[stack.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return false;
}
