/**
 * The only own enumerable key of a plain object (not a list), else undefined. Called for every node the
 * resolver visits, so it counts keys without allocating a key list.
 */
export function soleKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let found: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

/** The intrinsic function name of a value (`Ref`, `Fn::Sub`, ...) when it is a one-key intrinsic object. */
export function intrinsicKey(value: unknown): string | undefined {
  const found = soleKey(value);
  return found !== undefined && (found === 'Ref' || found.startsWith('Fn::')) ? found : undefined;
}

/** The argument of a one-key intrinsic object. */
export function intrinsicArg(value: unknown, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}
