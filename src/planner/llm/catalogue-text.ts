import type { CatalogueEntry } from '../../knowledge/kind-catalogue.ts';
import { kindCatalogue } from '../../knowledge/kind-catalogue.ts';

function value(v: unknown): string {
  return JSON.stringify(v);
}

/**
 * The kind and param catalogue as prompt text, generated from the knowledge base at load time so the prompt
 * never drifts from the code. Deterministic: kinds in contract order, params in declaration order.
 */
export function catalogueText(entries: readonly CatalogueEntry[] = kindCatalogue()): string {
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`### ${entry.kind}: ${entry.title}`);
    lines.push(entry.description);
    const params = entry.params.filter((p) => !p.usage);
    if (params.length > 0) {
      lines.push('Params:');
      for (const p of params) {
        const constraints = [
          p.allowed ? `one of ${p.allowed.map(value).join(', ')}` : '',
          p.min !== null ? `min ${p.min}` : '',
          p.max !== null ? `max ${p.max}` : '',
          p.unit ? `unit ${p.unit}` : '',
        ].filter(Boolean);
        const defaults = [...new Set(Object.values(p.default).map(value))];
        const def =
          defaults.length === 1
            ? `default ${defaults[0]}`
            : `default ${Object.entries(p.default)
                .map(([env, v]) => `${env} ${value(v)}`)
                .join(', ')}`;
        lines.push(
          `- \`${p.name}\` (${p.type}${constraints.length ? `; ${constraints.join('; ')}` : ''}; ${def}): ${p.description}`,
        );
      }
    }
    if (entry.connections.length > 0) {
      lines.push(
        `Connects to: ${entry.connections.map((c) => `${c.to} (${c.access.join('|')})`).join(', ')}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
