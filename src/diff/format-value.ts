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
