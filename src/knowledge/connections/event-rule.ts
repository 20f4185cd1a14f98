import { type CfnObject, type CfnValue, getAtt, sub } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { deadLetterQueue } from '../dead-letter-queue.ts';
import { deliveryTarget, fifoGroup, runTaskParameters } from '../delivery-target.ts';
import { assumeRolePolicy, inlinePolicies } from '../iam.ts';
import { allowQueueDelivery, allowTopicPublish, lambdaPermission } from './resource-policy-delivery.ts';

const EVENTS = 'events.amazonaws.com';

/** The source's dead-letter queue for events no target accepted (one per source, on its first rule). */
function eventsDeadLetterQueue(ctx: ConnectionContext): CfnValue {
  const owner = ctx.from.id;
  const dlq = ctx.logicalId(owner, 'events-dlq');
  if (!ctx.contributions.resources.some((r) => r.component === owner && r.role === 'events-dlq')) {
    const { queue, policy } = deadLetterQueue(dlq, {
      allow: [
        {
          Sid: 'AllowEventBridgeDeadLetters',
          Effect: 'Allow',
          Principal: { Service: EVENTS },
          Action: 'sqs:SendMessage',
          Resource: getAtt(dlq, 'Arn'),
          Condition: {
            ArnLike: {
              'aws:SourceArn': sub(`arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/*`),
            },
          },
        },
      ],
    });
    ctx.contributions.resource(owner, 'events-dlq', queue);
    ctx.contributions.resource(owner, 'events-dlq-policy', policy);
  }
  return getAtt(dlq, 'Arn');
}

/**
 * An EventBridge rule (on a bus, or on the default bus for a bucket's S3 events) delivering to the target,
 * with retries and the source's dead-letter queue. Functions, queues and topics admit the rule in their
 * resource policy; workflows, streams, workers and buses are reached with a role of the rule's own that
 * may deliver to that target only.
 */
export function eventRule(ctx: ConnectionContext, busName: CfnValue | null, pattern: CfnObject): void {
  const { from, to, contributions, logicalId } = ctx;
  const owner = from.id;
  const ruleRole = `rule-${to.id}`;
  const ruleArn = getAtt(logicalId(owner, ruleRole), 'Arn');
  const destination = deliveryTarget(to);
  const target: Record<string, CfnValue> = {
    Id: to.id,
    Arn: destination.arn,
    DeadLetterConfig: { Arn: eventsDeadLetterQueue(ctx) },
    RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
  };
  switch (to.definition.kind) {
    case 'function':
      lambdaPermission(ctx, owner, `${ruleRole}-permission`, EVENTS, ruleArn);
      break;
    case 'queue':
      allowQueueDelivery(ctx, EVENTS, ruleArn);
      Object.assign(target, fifoGroup(to, owner));
      break;
    case 'topic':
      allowTopicPublish(ctx, EVENTS, ruleArn);
      break;
    default: {
      if (to.definition.kind === 'stream') target.KinesisParameters = { PartitionKeyPath: '$.id' };
      if (to.definition.kind === 'worker')
        target.EcsParameters = runTaskParameters(to, 'AwsVpcConfiguration');
      target.RoleArn = getAtt(logicalId(owner, `${ruleRole}-role`), 'Arn');
      contributions.resource(owner, `${ruleRole}-role`, {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: `EventBridge rule ${owner} → ${to.id}`,
          AssumeRolePolicyDocument: assumeRolePolicy(EVENTS, true),
          Policies: inlinePolicies('deliver', destination.statements),
        },
      });
    }
  }
  const properties: Record<string, CfnValue> = {
    Description: `${owner} → ${to.id}`,
    EventPattern: pattern,
    State: 'ENABLED',
    Targets: [target],
  };
  if (busName !== null) properties.EventBusName = busName;
  contributions.resource(owner, ruleRole, { Type: 'AWS::Events::Rule', Properties: properties });
}
