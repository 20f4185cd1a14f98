import { z } from 'zod';
import type { CheckResult } from '../../rule.ts';
import { defineArchitectureRule } from '../../rule.ts';
import { globMatches } from '../../policy/architecture-graph.ts';

const Params = z.object({
  /** Patterns (`*` wildcard) for database instance classes; empty means no restriction. */
  instanceClasses: z.array(z.string()).default([]),
  /** Patterns for cache node types. */
  nodeTypes: z.array(z.string()).default([]),
  /** Patterns for EC2 instance types (vm) and OpenSearch instance types (search). */
  instanceTypes: z.array(z.string()).default([]),
});
type Params = z.infer<typeof Params>;

const FIELDS = {
  postgres: ['instance_class', 'instanceClasses'],
  mysql: ['instance_class', 'instanceClasses'],
  cache: ['node_type', 'nodeTypes'],
  vm: ['instance_type', 'instanceTypes'],
  search: ['instance_type', 'instanceTypes'],
} as const satisfies Record<string, readonly [string, keyof Params]>;

export default defineArchitectureRule<Params>({
  id: 'allowed-instance-classes',
  title: 'Instance classes and node types come from the allowed list',
  severity: 'error',
  scope: ['postgres', 'mysql', 'cache', 'vm', 'search'],
  params: Params,
  rationale:
    'The org supports, reserves capacity for and budgets a short list of instance families; exotic or oversized classes cost money and miss reservations.',
  remediation:
    'Pick an instance class / node type matching the policy lists (`allowed-instance-classes` params), or ask the infra org for a waiver.',
  references: [],
  check(subject, context): CheckResult {
    if (!subject || !(subject.kind in FIELDS)) return { status: 'pass' };
    const [param, listName] = FIELDS[subject.kind as keyof typeof FIELDS];
    const allowed = context.params[listName];
    const value = subject.params[param];
    if (allowed.length === 0 || value === undefined || value === null) return { status: 'pass' };
    if (typeof value === 'string' && allowed.some((p) => globMatches(p, value))) return { status: 'pass' };
    return {
      status: 'fail',
      message: `"${subject.id}" uses ${param} ${JSON.stringify(value)}; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}.`,
      path: `params.${param}`,
      actual: value,
      expected: allowed,
    };
  },
});
