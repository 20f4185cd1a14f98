/** Logical ids and physical names derived from component ids and resource roles: stable and readable. */

const pascalCache = new Map<string, string>();

/**
 * The escape letter. PascalCase loses the hyphen in front of a digit (`function-1-2` and `function-12` both
 * gave `Function12`), so digits are read by one rule and `Y` marks the exceptions: a digit right after a
 * letter starts a new word (`function-2` → `Function2`, as always), unless `Y` says it is glued to the
 * letter (`s3` → `SY3`); a digit right after a digit continues the word (`function-12` → `Function12`),
 * unless `Y` says a new word starts (`function-1-2` → `Function1Y2`). A word starting with "y" is written
 * `Yy...` so that a `Y` is never ambiguous. Every other id keeps the name it always had.
 */
const ESCAPE = 'Y';

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isLetter = (char: string | undefined) => char !== undefined && /[A-Za-z]/.test(char);

function encodeWord(word: string, previous: string | undefined): string {
  const first = word[0] as string;
  let out: string;
  if (isDigit(first)) out = isDigit(previous?.at(-1)) ? ESCAPE + first : first;
  else out = first === 'y' ? ESCAPE + first : first.toUpperCase();
  for (let i = 1; i < word.length; i++) {
    const char = word[i] as string;
    out += isDigit(char) && isLetter(word[i - 1]) ? ESCAPE + char : char;
  }
  return out;
}

/**
 * `orders-db` → `OrdersDb`, `log-group` → `LogGroup`, `function-2` → `Function2`: PascalCase, made injective
 * over kebab-case ids by the escapes above (`function-1-2` → `Function1Y2`, `s3-bucket` → `SY3Bucket`).
 */
export function pascalCase(text: string): string {
  let found = pascalCache.get(text);
  if (found === undefined) {
    const words = text.split(/[^A-Za-z0-9]+/).filter((part) => part.length > 0);
    found = words.map((word, i) => encodeWord(word, words[i - 1])).join('');
    if (pascalCache.size < 100_000) pascalCache.set(text, found);
  }
  return found;
}

/** The logical id of a component's resource with a role: `pascal(component) + pascal(role)`. */
export function logicalIdOf(componentId: string, role: string): string {
  return pascalCase(componentId) + pascalCase(role);
}

/** A lower-case slug for physical names: letters, digits and single hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The naming convention `<app>-<environment>-<component>`, cut to `max` characters. */
export function physicalName(app: string, environment: string, componentId: string, max = 64): string {
  const name = `${slug(app) || 'app'}-${environment}-${componentId}`;
  return name.length <= max ? name : name.slice(0, max).replace(/-+$/, '');
}
