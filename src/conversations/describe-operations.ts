import type { Architecture } from '../model/architecture.ts';
import type { Operation } from '../model/operations.ts';
import { KIND_LABEL } from '../planner/embedded/lexicon/kind-names.ts';

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** One plain line per operation ("added db (Postgres database)"), against the architecture after them. */
export function describeOperations(operations: readonly Operation[], _after: Architecture): string[] {
  const lines: string[] = [];
  for (const op of operations) {
    switch (op.op) {
      case 'add_component': {
        const params = Object.entries(op.params ?? {})
          .map(([k, v]) => `${k} ${formatValue(v)}`)
          .join(', ');
        lines.push(`added ${op.id} (${KIND_LABEL[op.kind]}${params ? `: ${params}` : ''})`);
        break;
      }
      case 'remove_component':
        lines.push(`removed ${op.id}`);
        break;
      case 'update_params': {
        const params = Object.entries(op.params)
          .map(([k, v]) => (v === null ? `${k} back to its default` : `${k} to ${formatValue(v)}`))
          .join(', ');
        lines.push(`set ${params} on ${op.id}`);
        break;
      }
      case 'rename_component':
        lines.push(`renamed ${op.id} to ${op.newId}`);
        break;
      case 'connect':
        lines.push(`connected ${op.from} → ${op.to} (${op.access})`);
        break;
      case 'disconnect':
        lines.push(`disconnected ${op.from} from ${op.to}`);
        break;
      case 'set_meta': {
        const parts: string[] = [];
        if (op.team !== undefined) parts.push(`team ${op.team ?? 'none'}`);
        if (op.environment !== undefined) parts.push(`environment ${op.environment ?? 'none'}`);
        if (op.region !== undefined) parts.push(`region ${op.region}`);
        if (op.name !== undefined) parts.push(`name ${op.name}`);
        if (parts.length > 0) lines.push(`set ${parts.join(', ')}`);
        break;
      }
    }
  }
  return lines;
}

/** The lines of describeOperations grouped by their verb: "added api (HTTP API), db (Postgres database)". */
export function groupDescriptions(lines: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const space = line.indexOf(' ');
    const verb = line.slice(0, space);
    const rest = line.slice(space + 1);
    groups.set(verb, [...(groups.get(verb) ?? []), rest]);
  }
  return [...groups].map(([verb, items]) => `${verb} ${items.join(', ')}`);
}
