/** The intrinsic function name of a value (`Ref`, `Fn::Sub`, ...) when it is a one-key intrinsic object. */
export function intrinsicKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const found = keys[0] as string;
  return found === 'Ref' || found.startsWith('Fn::') ? found : undefined;
}

/** The argument of a one-key intrinsic object. */
export function intrinsicArg(value: unknown, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}
