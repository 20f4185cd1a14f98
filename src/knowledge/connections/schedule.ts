import { type CfnValue, getAtt, ref } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { deliveryTarget, fifoGroup, runTaskParameters } from '../delivery-target.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import { CRON_ROLES, SCHEDULE_TARGETS } from '../kinds/cron.ts';

/**
 * A schedule of the cron component runs one target (a function, workflow, queue, topic or a worker's task)
 * through EventBridge Scheduler, with a role of its own allowed to reach that target only (and to write to
 * the cron's dead-letter queue), retries, and the dead-letter queue for runs that still fail.
 */
export function schedule(ctx: ConnectionContext): void {
  const { from, to, contributions, logicalId } = ctx;
  const destination = deliveryTarget(to);
  const role = `schedule-${to.id}-role`;
  const dlqArn = getAtt(logicalId(from.id, CRON_ROLES.dlq), 'Arn');
  contributions.feature(from.id, SCHEDULE_TARGETS);
  contributions.resource(from.id, role, {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Schedule ${from.id} → ${to.id}`,
      AssumeRolePolicyDocument: assumeRolePolicy('scheduler.amazonaws.com', true),
      Policies: inlinePolicies('run-target', [
        statement('DeadLetters', ['sqs:SendMessage'], [dlqArn]),
        ...destination.statements,
      ]),
    },
  });
  const target: Record<string, CfnValue> = {
    Arn: destination.arn,
    RoleArn: getAtt(logicalId(from.id, role), 'Arn'),
    RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
    DeadLetterConfig: { Arn: dlqArn },
    ...fifoGroup(to, from.id),
  };
  if (to.definition.kind === 'queue' || to.definition.kind === 'topic') {
    // A message needs a body: the schedule and the time it fired.
    target.Input = JSON.stringify({ schedule: from.id, scheduledTime: '<aws.scheduler.scheduled-time>' });
  }
  if (to.definition.kind === 'worker') target.EcsParameters = runTaskParameters(to, 'AwsvpcConfiguration');
  contributions.resource(from.id, `schedule-${to.id}`, {
    Type: 'AWS::Scheduler::Schedule',
    Properties: {
      Description: `${from.id} → ${to.id}`,
      GroupName: ref(logicalId(from.id, CRON_ROLES.group)),
      ScheduleExpression: from.params.schedule as string,
      ScheduleExpressionTimezone: from.params.timezone as string,
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: target,
    },
  });
}
