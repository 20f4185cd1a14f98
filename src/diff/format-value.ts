/** A compact one-line rendering of a template value for tables and terminal output. */
export function formatValue(value: unknown, maxLength = 80): string {
  if (value === null || value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

export function formatUsd(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}$${Math.abs(value).toFixed(2)}`;
}

export function formatUsdDelta(value: number): string {
  return value > 0 ? `+${formatUsd(value)}` : formatUsd(value);
}

/** A monthly figure, or `unknown` when something in it has no price (never the lower priced sum). */
export function usdOrUnknown(value: number | null, suffix = ''): string {
  return value === null ? 'unknown' : `${formatUsd(value)}${suffix}`;
}

/** The lines naming what the cost estimates could not price. */
export function unpricedLines(unpriced: { before: readonly string[]; after: readonly string[] }): string[] {
  return [
    ...unpriced.before.map((u) => `unpriced before: ${u}`),
    ...unpriced.after.map((u) => `unpriced: ${u}`),
  ];
}
