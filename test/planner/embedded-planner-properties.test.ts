import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type Architecture, emptyArchitecture } from '../../src/model/architecture.ts';
import { applyOperations } from '../../src/model/apply-operations.ts';
import { EmbeddedPlanner } from '../../src/planner/embedded/embedded-planner.ts';
import { touchedIds } from '../../src/planner/session.ts';

const planner = new EmbeddedPlanner();

const WORDS = [
  'a',
  'an',
  'the',
  'two',
  'three',
  'it',
  'and',
  'with',
  'for',
  'that',
  'to',
  'from',
  'in',
  'of',
  'as',
  'every',
  'night',
  'at',
  '2am',
  'api',
  'lambda',
  'function',
  'postgres',
  'mysql',
  'database',
  'db',
  'queue',
  'queues',
  'topic',
  'bucket',
  's3',
  'redis',
  'cache',
  'dynamodb',
  'table',
  'worker',
  'workers',
  'fargate',
  'service',
  'cdn',
  'cloudfront',
  'alb',
  'eks',
  'ecr',
  'dns',
  'domain',
  'ses',
  'email',
  'efs',
  'opensearch',
  'kinesis',
  'stream',
  'eventbridge',
  'cron',
  'workflow',
  'secret',
  'vm',
  'ec2',
  'website',
  'reads',
  'writes',
  'consumes',
  'publishes',
  'calls',
  'triggers',
  'uses',
  'remove',
  'drop',
  'rename',
  'switch',
  'make',
  'replace',
  'instead',
  'undo',
  'redo',
  'bump',
  '500',
  'gb',
  '4',
  'vcpus',
  'multi-az',
  'fifo',
  'versioning',
  'on-demand',
  'team',
  'payments',
  'prod',
  'staging',
  'dev',
  'called',
  'orders',
  'jobs',
  'db.r6g.large',
  't3.micro',
  '30',
  'seconds',
  'timeout',
  'memory',
  'storage',
  'disconnect',
  'submit',
  '?',
  ',',
  '.',
  'eu-west-1',
  'example.com',
  'postgress',
  'lamda',
  'kuberentes',
  'every 15 minutes',
  'point in time recovery',
];

const message = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 }).map((w) => w.join(' '));

it('any message plans into operations that apply to the architecture, turn after turn', () => {
  fc.assert(
    fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), (messages) => {
      let architecture: Architecture = emptyArchitecture();
      let focus: string[] = [];
      for (const text of messages) {
        const plan = planner.planSync({ architecture, message: text, focus });
        const applied = applyOperations(architecture, plan.operations);
        expect(applied.ok ? 'ok' : `${text} → ${applied.error.message}`).toBe('ok');
        if (applied.ok) architecture = applied.architecture;
        const touched = touchedIds(plan);
        if (touched.length > 0) focus = touched;
      }
    }),
    { numRuns: 400 },
  );
});

it('arbitrary text never crashes the planner', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const plan = planner.planSync({ architecture: emptyArchitecture(), message: text });
      expect(applyOperations(emptyArchitecture(), plan.operations).ok).toBe(true);
    }),
    { numRuns: 300 },
  );
});
