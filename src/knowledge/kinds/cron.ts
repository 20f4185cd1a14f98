import { deadLetterQueue } from '../dead-letter-queue.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';

/** The feature a `trigger` connection switches on: the cron has schedules (and so a dead-letter queue). */
export const SCHEDULE_TARGETS = 'schedule-targets';

/** Roles of a cron's own resources that its schedules refer to. */
export const CRON_ROLES = { group: 'group', dlq: 'dlq' } as const;

export default defineKind({
  kind: 'cron',
  title: 'Schedule',
  description:
    'An EventBridge Scheduler schedule group; each `trigger` connection adds a schedule running one target (a function, workflow, queue, topic, or a one-off task of a worker) with a role of its own allowed to reach that target only, retries, and the group’s dead-letter queue for runs that still fail.',
  awsResources: [
    'AWS::Scheduler::Schedule',
    'AWS::Scheduler::ScheduleGroup',
    'AWS::IAM::Role',
    'AWS::SQS::Queue',
  ],
  network: 'never',
  params: [
    param({
      name: 'schedule',
      type: 'string',
      description: 'rate(...), cron(...) or at(...) expression.',
      default: 'rate(1 hour)',
      pattern: '^(rate|cron|at)\\(.+\\)$',
    }),
    param({
      name: 'timezone',
      type: 'string',
      description: 'IANA time zone of cron expressions.',
      default: 'UTC',
      pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$',
    }),
  ],
  expand(ctx) {
    const out: Record<string, ResourceDraft> = {
      [CRON_ROLES.group]: { Type: 'AWS::Scheduler::ScheduleGroup', Properties: { Name: ctx.name() } },
    };
    // Only schedules write to the dead-letter queue: without one it would be a queue nothing uses.
    if (ctx.inbound.features.includes(SCHEDULE_TARGETS)) {
      const dlq = deadLetterQueue(ctx.logicalId(CRON_ROLES.dlq), { name: ctx.name('dlq', 80) });
      out[CRON_ROLES.dlq] = dlq.queue;
      out[`${CRON_ROLES.dlq}-policy`] = dlq.policy;
    }
    return out;
  },
});
