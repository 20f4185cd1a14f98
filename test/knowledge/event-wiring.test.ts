import { describe, expect, it } from 'vitest';
import { expandShop as expand, props, statementsOf } from './support/shop-architecture.ts';

describe('DynamoDB stream → function', () => {
  const t = expand(
    [
      { id: 'users', kind: 'kv_table', params: {} },
      { id: 'welcome', kind: 'function', params: {} },
    ],
    [{ from: 'users', to: 'welcome', access: 'trigger' }],
  );

  it('turns the stream on and maps it to the function with a failure queue', () => {
    expect(props(t.Resources.UsersTable).StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(props(t.Resources.WelcomeSourceUsers)).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['UsersTable', 'StreamArn'] },
      FunctionName: { Ref: 'WelcomeFunction' },
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': ['WelcomeSourceUsersFailures', 'Arn'] } },
      },
    });
    expect(t.Resources.WelcomeSourceUsersFailures?.Type).toBe('AWS::SQS::Queue');
  });

  it('lets the function read that stream and send to its failure queue, nothing more', () => {
    const statements = statementsOf(props(t.Resources.WelcomeRole));
    expect(statements.find((s) => s.Sid === 'UsersReadStream')).toMatchObject({
      Action: [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ],
      Resource: [{ 'Fn::GetAtt': ['UsersTable', 'StreamArn'] }],
    });
    expect(statements.find((s) => s.Sid === 'UsersFailures')).toMatchObject({
      Action: ['sqs:SendMessage'],
      Resource: [{ 'Fn::GetAtt': ['WelcomeSourceUsersFailures', 'Arn'] }],
    });
    expect(JSON.stringify(statements)).not.toContain('dynamodb:GetItem');
  });

  it('leaves a table without stream readers without a stream', () => {
    const alone = expand([{ id: 'users', kind: 'kv_table', params: {} }], []);
    expect(props(alone.Resources.UsersTable).StreamSpecification).toBeUndefined();
  });
});

describe('S3 → EventBridge → SNS', () => {
  const t = expand(
    [
      { id: 'uploads', kind: 'bucket', params: {} },
      { id: 'events', kind: 'event_bus', params: {} },
      { id: 'alerts', kind: 'topic', params: {} },
    ],
    [
      { from: 'uploads', to: 'events', access: 'trigger' },
      { from: 'events', to: 'alerts', access: 'trigger' },
    ],
  );

  it('forwards the bucket’s events from the default bus to the custom bus with a role scoped to it', () => {
    expect(props(t.Resources.UploadsBucket).NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    const rule = props(t.Resources.UploadsRuleEvents);
    expect(rule.EventBusName).toBeUndefined();
    const [target] = rule.Targets as Record<string, unknown>[];
    expect(target).toMatchObject({
      Arn: { 'Fn::GetAtt': ['EventsBus', 'Arn'] },
      RoleArn: { 'Fn::GetAtt': ['UploadsRuleEventsRole', 'Arn'] },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['UploadsEventsDlq', 'Arn'] } },
    });
    expect(statementsOf(props(t.Resources.UploadsRuleEventsRole))).toEqual([
      {
        Sid: 'EventsPutEvents',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: [{ 'Fn::GetAtt': ['EventsBus', 'Arn'] }],
      },
    ]);
  });

  it('lets only that rule publish to the topic, which encrypts with a key EventBridge may use', () => {
    const statements = (
      props(t.Resources.AlertsPolicy).PolicyDocument as { Statement: Record<string, unknown>[] }
    ).Statement;
    expect(statements.find((s) => s.Effect === 'Allow')).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['EventsRuleAlerts', 'Arn'] } } },
    });
    expect(props(t.Resources.AlertsTopic).KmsMasterKeyId).toEqual({ 'Fn::GetAtt': ['AlertsKey', 'Arn'] });
    const key = t.Resources.AlertsKey!;
    expect(key.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(key.Properties)).toContain('events.amazonaws.com');
    const plain = expand([{ id: 'alerts', kind: 'topic', params: {} }], []);
    expect(props(plain.Resources.AlertsTopic).KmsMasterKeyId).toBe('alias/aws/sns');
  });
});

describe('event bus → stream and worker', () => {
  const t = expand(
    [
      { id: 'events', kind: 'event_bus', params: {} },
      { id: 'clicks', kind: 'stream', params: {} },
      { id: 'reindex', kind: 'worker', params: { image: 'nginx:1' } },
    ],
    [
      { from: 'events', to: 'clicks', access: 'trigger' },
      { from: 'events', to: 'reindex', access: 'trigger' },
    ],
  );

  it('puts records into the stream with a partition key and a role for that stream only', () => {
    const [target] = props(t.Resources.EventsRuleClicks).Targets as Record<string, unknown>[];
    expect(target!.KinesisParameters).toEqual({ PartitionKeyPath: '$.id' });
    expect(statementsOf(props(t.Resources.EventsRuleClicksRole))).toEqual([
      expect.objectContaining({
        Action: ['kinesis:PutRecord', 'kinesis:PutRecords'],
        Resource: [{ 'Fn::GetAtt': ['ClicksStream', 'Arn'] }],
      }),
    ]);
  });

  it('runs a task of the worker in its subnets and security group, passing only its two roles', () => {
    const [target] = props(t.Resources.EventsRuleReindex).Targets as Record<string, unknown>[];
    expect(target).toMatchObject({
      Arn: { 'Fn::GetAtt': ['ReindexCluster', 'Arn'] },
      EcsParameters: {
        TaskDefinitionArn: { Ref: 'ReindexTaskDefinition' },
        LaunchType: 'FARGATE',
        NetworkConfiguration: {
          AwsVpcConfiguration: {
            AssignPublicIp: 'DISABLED',
            SecurityGroups: [{ 'Fn::GetAtt': ['ReindexSg', 'GroupId'] }],
          },
        },
      },
    });
    const statements = statementsOf(props(t.Resources.EventsRuleReindexRole));
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['ecs:RunTask'],
        Resource: [{ Ref: 'ReindexTaskDefinition' }],
        Condition: { ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': ['ReindexCluster', 'Arn'] } } },
      }),
      expect.objectContaining({
        Action: ['iam:PassRole'],
        Resource: [
          { 'Fn::GetAtt': ['ReindexExecutionRole', 'Arn'] },
          { 'Fn::GetAtt': ['ReindexTaskRole', 'Arn'] },
        ],
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    ]);
  });
});

describe('schedules', () => {
  const t = expand(
    [
      { id: 'nightly', kind: 'cron', params: { schedule: 'cron(0 2 * * ? *)' } },
      { id: 'jobs', kind: 'queue', params: { fifo: true } },
      { id: 'news', kind: 'topic', params: {} },
      { id: 'compact', kind: 'worker', params: { image: 'nginx:1' } },
    ],
    [
      { from: 'nightly', to: 'jobs', access: 'trigger' },
      { from: 'nightly', to: 'news', access: 'trigger' },
      { from: 'nightly', to: 'compact', access: 'trigger' },
    ],
  );

  it('gives each schedule a role that reaches its own target and the dead-letter queue only', () => {
    const jobs = statementsOf(props(t.Resources.NightlyScheduleJobsRole));
    expect(jobs.map((s) => [s.Action, s.Resource])).toEqual([
      [['sqs:SendMessage'], [{ 'Fn::GetAtt': ['NightlyDlq', 'Arn'] }]],
      [['sqs:SendMessage'], [{ 'Fn::GetAtt': ['JobsQueue', 'Arn'] }]],
    ]);
    const news = statementsOf(props(t.Resources.NightlyScheduleNewsRole));
    expect(news[1]).toMatchObject({ Action: ['sns:Publish'], Resource: [{ Ref: 'NewsTopic' }] });
  });

  it('sends a message body, a FIFO group and a Fargate task definition where the target needs them', () => {
    const jobs = props(t.Resources.NightlyScheduleJobs).Target as Record<string, unknown>;
    expect(jobs.SqsParameters).toEqual({ MessageGroupId: 'nightly' });
    expect(JSON.parse(jobs.Input as string)).toEqual({
      schedule: 'nightly',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
    const compact = props(t.Resources.NightlyScheduleCompact).Target as Record<string, unknown>;
    expect(compact.EcsParameters).toMatchObject({
      TaskDefinitionArn: { Ref: 'CompactTaskDefinition' },
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
    });
  });

  it('creates the dead-letter queue only when there is something to schedule', () => {
    expect(t.Resources.NightlyDlq?.Type).toBe('AWS::SQS::Queue');
    const alone = expand([{ id: 'nightly', kind: 'cron', params: {} }], []);
    expect(Object.keys(alone.Resources)).toEqual(['NightlyGroup']);
  });
});
