import { type CfnValue, getAtt, ref } from '../cfn.ts';
import type { ConnectionContext } from '../connection-family.ts';
import { SERVICE_PUBLISHERS } from '../kinds/topic.ts';

/**
 * Deliveries an AWS service makes with its own identity (SNS subscriptions, EventBridge rules to a
 * function, queue or topic): the target's resource policy admits that service for that one source only.
 */

/** Lambda lets the service invoke the connection's target function, from `sourceArn` in this account. */
export function lambdaPermission(
  ctx: ConnectionContext,
  owner: string,
  role: string,
  principal: string,
  sourceArn: CfnValue,
): void {
  ctx.contributions.resource(owner, role, {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(ctx.logicalId(ctx.to.id, 'function'), 'Arn'),
      Principal: principal,
      SourceArn: sourceArn,
      SourceAccount: ref('AWS::AccountId'),
    },
  });
}

/** The target queue's policy lets the service send to it, from `sourceArn` only. */
export function allowQueueDelivery(ctx: ConnectionContext, principal: string, sourceArn: CfnValue): void {
  ctx.contributions.allow(ctx.to.id, {
    Sid: `Allow${ctx.from.ref.sid('delivery')}`,
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: 'sqs:SendMessage',
    Resource: getAtt(ctx.logicalId(ctx.to.id, 'queue'), 'Arn'),
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  });
}

/**
 * The target topic's policy lets the service publish, from `sourceArn` only; the topic then encrypts with a
 * key of its own whose policy lets the service use it (the AWS managed SNS key admits no other service).
 */
export function allowTopicPublish(ctx: ConnectionContext, principal: string, sourceArn: CfnValue): void {
  ctx.contributions.feature(ctx.to.id, SERVICE_PUBLISHERS);
  ctx.contributions.allow(ctx.to.id, {
    Sid: `Allow${ctx.from.ref.sid('publish')}`,
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: 'sns:Publish',
    Resource: ref(ctx.logicalId(ctx.to.id, 'topic')),
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  });
}
