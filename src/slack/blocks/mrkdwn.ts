/** Slack mrkdwn needs &, < and > escaped; everything user- or model-supplied goes through this. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Section text is limited to 3,000 characters; cut on a line boundary and say how much was left out. */
export function clampText(text: string, max = 2900): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  const kept = text.slice(0, cut > 0 ? cut : max);
  return `${kept}\n_…${text.length - kept.length} more characters not shown_`;
}

/**
 * `*Cost:* $12.34/month`, or `*Cost:* unknown` followed by what has no price: never the lower priced sum.
 */
export function costMrkdwn(monthly: number | null, unpriced: readonly string[], delta = ''): string {
  if (monthly !== null && unpriced.length === 0) return `*Cost:* ${formatUsdMonthly(monthly)}${delta}`;
  const listed = unpriced.slice(0, 5).map((u) => `• ${escapeMrkdwn(u)}`);
  if (unpriced.length > 5) listed.push(`• …and ${unpriced.length - 5} more`);
  return [`*Cost:* unknown: ${unpriced.length} resource(s) have no price`, ...listed].join('\n');
}

export function formatUsdMonthly(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}/month`;
}
