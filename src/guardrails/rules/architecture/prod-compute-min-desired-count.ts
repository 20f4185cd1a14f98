import { z } from 'zod';
import { defineArchitectureRule } from '../../rule.ts';

const Params = z.object({ minCount: z.number().int().min(1).max(100).default(2) });

export default defineArchitectureRule<z.infer<typeof Params>>({
  id: 'prod-compute-min-desired-count',
  title: 'Production services run at least two tasks',
  severity: 'error',
  scope: ['container_service', 'worker'],
  params: Params,
  rationale:
    'One task is one zone and one deploy away from an outage; two or more tasks spread over zones keep serving during deploys and zone failures.',
  remediation: 'Set `desired_count` to at least the policy minimum (2 by default).',
  references: ['AwsSolutions-ECS7'],
  check(subject, context) {
    if (!subject || context.architecture.environment !== 'prod') return { status: 'pass' };
    const count = subject.params.desired_count;
    const min = context.params.minCount;
    if (count === undefined || count === null) return { status: 'pass' };
    if (typeof count === 'number' && count >= min) return { status: 'pass' };
    return {
      status: 'fail',
      message: `Production ${subject.kind} "${subject.id}" has desired_count ${JSON.stringify(count)}; expected at least ${min}.`,
      path: 'params.desired_count',
      actual: count,
      expected: min,
    };
  },
  fix: {
    description: 'raise desired_count to the minimum',
    safe: true,
    operations: (subject, context) =>
      subject
        ? [{ op: 'update_params', id: subject.id, params: { desired_count: context.params.minCount } }]
        : [],
  },
});
