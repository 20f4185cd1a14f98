/** A short text for any value, never throwing (objects without a prototype, cycles, BigInt included). */
export function textOf(value: unknown, max = 80): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? '[list]' : `[${typeof value}]`;
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
