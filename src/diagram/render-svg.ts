import { kindDefinition } from '../knowledge/kinds/index.ts';
import type { Architecture } from '../model/architecture.ts';
import type { AccessMode, ComponentKind } from '../model/kinds.ts';
import { layers, sortedComponents, sortedConnections } from './graph-order.ts';

const NODE_W = 180;
const NODE_H = 54;
const GAP_X = 90;
const GAP_Y = 36;
const MARGIN = 24;

type Category = 'compute' | 'data' | 'messaging' | 'edge';

const CATEGORY_COLOURS: Readonly<Record<Category, string>> = {
  compute: '#e8f1fb',
  data: '#eaf6ec',
  messaging: '#fdf3e3',
  edge: '#f3ecfa',
};

/** Every kind's colour group (a new kind without one does not compile). */
const CATEGORY: Readonly<Record<ComponentKind, Category>> = {
  function: 'compute',
  container_service: 'compute',
  worker: 'compute',
  vm: 'compute',
  k8s_cluster: 'compute',
  workflow: 'compute',
  cron: 'compute',
  postgres: 'data',
  mysql: 'data',
  kv_table: 'data',
  bucket: 'data',
  cache: 'data',
  file_system: 'data',
  search: 'data',
  secret: 'data',
  registry: 'data',
  queue: 'messaging',
  topic: 'messaging',
  event_bus: 'messaging',
  stream: 'messaging',
  delivery_stream: 'messaging',
  email: 'messaging',
  http_api: 'edge',
  load_balancer: 'edge',
  static_site: 'edge',
  cdn: 'edge',
  dns: 'edge',
  user_pool: 'edge',
};

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const num = (value: number) => String(Math.round(value * 10) / 10);

/** Connections that carry no traffic (who may call whom) are dashed. */
const DASHED: ReadonlySet<AccessMode> = new Set(['auth']);

/**
 * A self-contained SVG of the intent graph: components in layers left to right (longest path from the
 * entry points), sorted by kind and id within a layer, connections as labelled arrows. Deterministic.
 */
export function renderSvg(architecture: Architecture): string {
  const components = sortedComponents(architecture);
  const layerOf = layers(architecture);
  const columns = new Map<number, string[]>();
  for (const c of components) {
    const layer = layerOf.get(c.id) ?? 0;
    if (!columns.has(layer)) columns.set(layer, []);
    columns.get(layer)!.push(c.id);
  }
  const position = new Map<string, { x: number; y: number }>();
  let maxRows = 0;
  for (const [layer, ids] of columns) {
    maxRows = Math.max(maxRows, ids.length);
    ids.forEach((id, row) => {
      position.set(id, { x: MARGIN + layer * (NODE_W + GAP_X), y: MARGIN + row * (NODE_H + GAP_Y) });
    });
  }
  const layerCount = columns.size === 0 ? 0 : Math.max(...columns.keys()) + 1;
  const width = Math.max(MARGIN * 2 + layerCount * NODE_W + Math.max(0, layerCount - 1) * GAP_X, 200);
  const height = Math.max(MARGIN * 2 + maxRows * NODE_H + Math.max(0, maxRows - 1) * GAP_Y, 80);
  const title = `${architecture.name} (${architecture.environment ?? 'dev'})`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (components.length === 0) {
    out.push(`<text x="${MARGIN}" y="${MARGIN + 16}" fill="#777">No components yet</text>`);
  }
  for (const c of sortedConnections(architecture)) {
    const from = position.get(c.from);
    const to = position.get(c.to);
    if (!from || !to) continue;
    const forward = to.x > from.x;
    const x1 = forward ? from.x + NODE_W : from.x + NODE_W / 2;
    const y1 = forward ? from.y + NODE_H / 2 : from.y + NODE_H;
    const x2 = forward ? to.x : to.x + NODE_W / 2;
    const y2 = forward ? to.y + NODE_H / 2 : to.y;
    out.push(
      `<g class="edge" data-from="${escapeXml(c.from)}" data-to="${escapeXml(c.to)}"><line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="#555" stroke-width="1.4"${DASHED.has(c.access) ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#arrow)"/>` +
        `<text x="${num((x1 + x2) / 2)}" y="${num((y1 + y2) / 2 - 4)}" text-anchor="middle" fill="#333" font-size="11">${escapeXml(c.access)}</text></g>`,
    );
  }
  for (const c of components) {
    const p = position.get(c.id)!;
    const fill = CATEGORY_COLOURS[CATEGORY[c.kind]];
    out.push(
      `<g class="node" data-id="${escapeXml(c.id)}"><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${fill}" stroke="#4a5568"/>` +
        `<text x="${p.x + NODE_W / 2}" y="${p.y + 22}" text-anchor="middle" font-weight="bold" fill="#1a202c">${escapeXml(c.id)}</text>` +
        `<text x="${p.x + NODE_W / 2}" y="${p.y + 40}" text-anchor="middle" fill="#4a5568">${escapeXml(kindDefinition(c.kind).title)}</text></g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
