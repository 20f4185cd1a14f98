import { defineArchitectureRule } from '../../rule.ts';
import { queueConsumers } from '../../policy/architecture-graph.ts';

export default defineArchitectureRule({
  id: 'queue-has-consumer',
  title: 'Every queue has a consumer',
  severity: 'warning',
  scope: ['queue'],
  rationale: 'Messages sent to a queue nobody consumes pile up until they expire: silent data loss.',
  remediation:
    'Connect a worker or function to the queue with `consume` access (or a `trigger` from the queue).',
  references: [],
  check(subject, context) {
    if (!subject || queueConsumers(subject.id, context).length > 0) return { status: 'pass' };
    return {
      status: 'fail',
      message: `Queue "${subject.id}" has no consumer; expected a worker or function consuming it.`,
      actual: 0,
      expected: '>= 1 consumer',
    };
  },
});
