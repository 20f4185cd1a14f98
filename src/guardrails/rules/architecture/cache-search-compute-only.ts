import type { ComponentKind } from '../../../model/kinds.ts';
import { COMPUTE_KINDS } from '../../../model/kinds.ts';
import type { CheckResult } from '../../rule.ts';
import { defineArchitectureRule } from '../../rule.ts';

/**
 * Who may reach a cache or search domain: compute the org runs, and a delivery stream (Firehose writes to a
 * search domain with a role of its own, from inside the VPC; it is a data pipeline, not an edge).
 */
const ALLOWED: readonly ComponentKind[] = [...COMPUTE_KINDS, 'delivery_stream'];

export default defineArchitectureRule({
  id: 'cache-search-compute-only',
  title: 'Caches and search domains are reached only from compute',
  severity: 'error',
  scope: ['cache', 'search'],
  rationale:
    'Caches and search domains have weak or no per-request authorization; only code the org runs (functions, services, workers, VMs) and delivery streams writing with a role of their own should reach them, never an edge component.',
  remediation:
    'Route traffic through a function or service instead of connecting the edge component directly.',
  references: ['AwsSolutions-OS1'],
  check(subject, context): CheckResult | CheckResult[] {
    if (!subject) return { status: 'pass' };
    const results: CheckResult[] = [];
    const seen = new Set<string>();
    const incoming = [...context.connectionsTo(subject.id)].sort((a, b) => a.from.localeCompare(b.from));
    for (const connection of incoming) {
      const from = context.component(connection.from);
      if (!from || ALLOWED.includes(from.kind) || seen.has(from.id)) continue;
      seen.add(from.id);
      results.push({
        status: 'fail',
        message: `${subject.kind} "${subject.id}" is reached from ${from.kind} "${from.id}"; expected only compute or a delivery stream (${ALLOWED.join(', ')}).`,
        actual: from.kind,
        expected: ALLOWED,
      });
    }
    return results.length > 0 ? results : { status: 'pass' };
  },
});
