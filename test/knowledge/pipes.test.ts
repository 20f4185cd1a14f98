import { describe, expect, it } from 'vitest';
import { expandShop as expand, props, statementsOf } from './support/shop-architecture.ts';

describe('EventBridge Pipes', () => {
  it('starts a workflow for each batch of a queue, with a role that reads that queue and starts that workflow', () => {
    const t = expand(
      [
        { id: 'orders', kind: 'queue', params: {} },
        { id: 'fulfil', kind: 'workflow', params: {} },
      ],
      [{ from: 'orders', to: 'fulfil', access: 'trigger' }],
    );
    expect(props(t.Resources.OrdersPipeFulfil)).toMatchObject({
      Source: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] },
      SourceParameters: { SqsQueueParameters: { BatchSize: 10 } },
      Target: { Ref: 'FulfilStateMachine' },
      TargetParameters: { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } },
      RoleArn: { 'Fn::GetAtt': ['OrdersPipeFulfilRole', 'Arn'] },
      LogConfiguration: { Level: 'ERROR' },
    });
    const statements = statementsOf(props(t.Resources.OrdersPipeFulfilRole));
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      [
        'OrdersConsume',
        ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
        [{ 'Fn::GetAtt': ['OrdersQueue', 'Arn'] }],
      ],
      ['FulfilStartExecution', ['states:StartExecution'], [{ Ref: 'FulfilStateMachine' }]],
      [
        'WriteLogs',
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [{ 'Fn::GetAtt': ['OrdersPipeFulfilLogGroup', 'Arn'] }],
      ],
    ]);
    // a queue source keeps its own redrive policy: no second dead-letter queue
    expect(t.Resources.OrdersPipeFulfilDlq).toBeUndefined();
  });

  it('reads a table’s stream onto a bus, with a dead-letter queue for what it cannot deliver', () => {
    const t = expand(
      [
        { id: 'users', kind: 'kv_table', params: {} },
        { id: 'events', kind: 'event_bus', params: {} },
      ],
      [{ from: 'users', to: 'events', access: 'trigger' }],
    );
    expect(props(t.Resources.UsersTable).StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(props(t.Resources.UsersPipeEvents)).toMatchObject({
      Source: { 'Fn::GetAtt': ['UsersTable', 'StreamArn'] },
      SourceParameters: {
        DynamoDBStreamParameters: {
          StartingPosition: 'LATEST',
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['UsersPipeEventsDlq', 'Arn'] } },
        },
      },
      Target: { 'Fn::GetAtt': ['EventsBus', 'Arn'] },
      TargetParameters: {
        EventBridgeEventBusParameters: { Source: 'users', DetailType: 'Key-value table record' },
      },
    });
    const sids = statementsOf(props(t.Resources.UsersPipeEventsRole)).map((s) => s.Sid);
    expect(sids).toEqual(['UsersReadStream', 'EventsPutEvents', 'WriteLogs', 'DeadLetters']);
  });

  it('keeps a FIFO target queue in order per source', () => {
    const t = expand(
      [
        { id: 'clicks', kind: 'stream', params: {} },
        { id: 'ordered', kind: 'queue', params: { fifo: true } },
      ],
      [{ from: 'clicks', to: 'ordered', access: 'trigger' }],
    );
    expect(props(t.Resources.ClicksPipeOrdered).TargetParameters).toEqual({
      SqsQueueParameters: { MessageGroupId: 'clicks' },
    });
  });
});
