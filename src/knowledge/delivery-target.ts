import type { ComponentKind } from '../model/kinds.ts';
import { type CfnValue, getAtt, ref } from './cfn.ts';
import type { ConnectionEnd } from './connection-family.ts';
import { statement } from './iam.ts';
import type { PolicyStatement } from './kind-definition.ts';
import { NETWORK_REFS } from './network.ts';

/**
 * A component an AWS service delivers to on someone's behalf (an EventBridge rule or schedule, a pipe, an
 * API integration): the ARN the service names and what the delivering role must be allowed, on that target
 * only.
 */
export interface DeliveryTarget {
  readonly kind: ComponentKind;
  readonly arn: CfnValue;
  /** Least-privilege statements for a role that delivers to the target. */
  readonly statements: PolicyStatement[];
}

/** Kinds a service can deliver to with a role, and how. */
const TARGETS: Partial<Record<ComponentKind, (end: ConnectionEnd) => DeliveryTarget>> = {
  function: (end) => {
    const arn = getAtt(end.ref.logicalId('function'), 'Arn');
    return single(end, arn, 'invoke', ['lambda:InvokeFunction']);
  },
  queue: (end) => single(end, getAtt(end.ref.logicalId('queue'), 'Arn'), 'send', ['sqs:SendMessage']),
  topic: (end) => single(end, ref(end.ref.logicalId('topic')), 'publish', ['sns:Publish']),
  event_bus: (end) =>
    single(end, getAtt(end.ref.logicalId('bus'), 'Arn'), 'put-events', ['events:PutEvents']),
  stream: (end) =>
    single(end, getAtt(end.ref.logicalId('stream'), 'Arn'), 'put-records', [
      'kinesis:PutRecord',
      'kinesis:PutRecords',
    ]),
  workflow: (end) =>
    single(end, ref(end.ref.logicalId('state-machine')), 'start-execution', ['states:StartExecution']),
  worker: (end) => {
    const cluster = getAtt(end.ref.logicalId('cluster'), 'Arn');
    return {
      kind: 'worker',
      arn: cluster,
      statements: [
        statement(end.ref.sid('run-task'), ['ecs:RunTask'], [ref(end.ref.logicalId('task-definition'))], {
          ArnEquals: { 'ecs:cluster': cluster },
        }),
        statement(
          end.ref.sid('pass-task-roles'),
          ['iam:PassRole'],
          [getAtt(end.ref.logicalId('execution-role'), 'Arn'), getAtt(end.ref.logicalId('task-role'), 'Arn')],
          { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        ),
      ],
    };
  },
};

function single(end: ConnectionEnd, arn: CfnValue, purpose: string, actions: string[]): DeliveryTarget {
  return {
    kind: end.definition.kind,
    arn,
    statements: [statement(end.ref.sid(purpose), actions, [arn])],
  };
}

/** How a service delivers to a connection's target; throws for kinds no service delivers to. */
export function deliveryTarget(end: ConnectionEnd): DeliveryTarget {
  const target = TARGETS[end.definition.kind];
  if (!target) throw new Error(`no delivery target for kind ${end.definition.kind}`);
  return target(end);
}

/**
 * A one-off Fargate task of a worker, in the worker's private subnets and security group: what an
 * EventBridge rule or schedule runs. `vpc` is the property name of the awsvpc block (the two services spell
 * it differently).
 */
export function runTaskParameters(end: ConnectionEnd, vpc: 'AwsVpcConfiguration' | 'AwsvpcConfiguration') {
  const parameters: Record<string, CfnValue> = {
    TaskDefinitionArn: ref(end.ref.logicalId('task-definition')),
    TaskCount: 1,
    LaunchType: 'FARGATE',
    PlatformVersion: 'LATEST',
    NetworkConfiguration: {
      [vpc]: {
        AssignPublicIp: 'DISABLED',
        SecurityGroups: [getAtt(end.ref.logicalId('sg'), 'GroupId')],
        Subnets: NETWORK_REFS.privateSubnets,
      },
    },
  };
  return parameters;
}

/** The message group a FIFO queue target needs (one per source: the source keeps its order). */
export function fifoGroup(end: ConnectionEnd, sourceId: string): Record<string, CfnValue> {
  return end.definition.kind === 'queue' && end.params.fifo === true
    ? { SqsParameters: { MessageGroupId: sourceId } }
    : {};
}
