import { kindDefinition } from '../knowledge/kinds/index.ts';
import type { Architecture } from '../model/architecture.ts';
import { sortedComponents, sortedConnections } from './graph-order.ts';

const nodeId = (id: string) => `c_${id.replace(/-/g, '_')}`;

/** Text safe inside a quoted Mermaid label. */
function label(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '#quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Mermaid flowchart of the intent graph: components grouped by kind, connections labelled with their access. */
export function renderMermaid(architecture: Architecture): string {
  const lines = ['flowchart LR'];
  const components = sortedComponents(architecture);
  const kinds = [...new Set(components.map((c) => c.kind))];
  for (const kind of kinds) {
    lines.push(`  subgraph kind_${kind}["${label(kindDefinition(kind).title)}"]`);
    for (const c of components.filter((x) => x.kind === kind)) {
      lines.push(`    ${nodeId(c.id)}["${label(c.id)}"]`);
    }
    lines.push('  end');
  }
  const known = new Set(components.map((c) => c.id));
  for (const c of sortedConnections(architecture)) {
    if (!known.has(c.from) || !known.has(c.to)) continue;
    lines.push(`  ${nodeId(c.from)} -->|${c.access}| ${nodeId(c.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
