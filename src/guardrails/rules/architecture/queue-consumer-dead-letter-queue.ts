import { defineArchitectureRule } from '../../rule.ts';
import { queueConsumers } from '../../policy/architecture-graph.ts';

export default defineArchitectureRule({
  id: 'queue-consumer-dead-letter-queue',
  title: 'Queues with a consumer have a dead-letter queue',
  severity: 'error',
  scope: ['queue'],
  rationale:
    'Without a dead-letter queue a message the consumer cannot process is retried until it expires, blocking FIFO groups and hiding the failure.',
  remediation: 'Leave `dead_letter_queue` unset (on by default) or set `dead_letter_queue: true`.',
  references: ['AwsSolutions-SQS3'],
  check(subject, context) {
    if (subject?.params.dead_letter_queue !== false) return { status: 'pass' };
    const consumers = queueConsumers(subject.id, context);
    if (consumers.length === 0) return { status: 'pass' };
    return {
      status: 'fail',
      message: `Queue "${subject.id}" is consumed by ${consumers.map((c) => `"${c}"`).join(', ')} but has dead_letter_queue: false; expected true.`,
      path: 'params.dead_letter_queue',
      actual: false,
      expected: true,
    };
  },
  fix: {
    description: 'add a dead-letter queue (dead_letter_queue: true)',
    safe: true,
    operations: (subject) =>
      subject ? [{ op: 'update_params', id: subject.id, params: { dead_letter_queue: true } }] : [],
  },
});
