import { describe, expect, it } from 'vitest';
import { truthOf } from './truth-of.ts';

describe('template truth: event sources', () => {
  it('reads event source mappings, SNS subscriptions and S3 notifications as triggers', () => {
    const t = truthOf(`
Resources:
  Stream: { Type: AWS::Kinesis::Stream }
  Table: { Type: AWS::DynamoDB::Table }
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Subscription: [{ Protocol: sqs, Endpoint: !GetAtt Inbox.Arn }]
  Inbox: { Type: AWS::SQS::Queue }
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations: [{ Event: s3:ObjectCreated:*, Function: !GetAtt Fn.Arn }]
        TopicConfigurations: [{ Event: s3:ObjectCreated:*, Topic: !Ref Topic }]
        EventBridgeConfiguration: { EventBridgeEnabled: true }
  Fn: { Type: AWS::Lambda::Function }
  FromStream:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Stream.Arn, FunctionName: !Ref Fn }
  FromTable:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Table.StreamArn, FunctionName: !Ref Fn }
`);
    expect(t.kinds).toEqual(['bucket', 'event_bus', 'function', 'kv_table', 'queue', 'stream', 'topic']);
    // S3 → SNS is not a connection of the intent model: the bucket's topic notification makes none.
    expect(t.edges).toEqual([
      'Stream>Fn:trigger',
      'Table>Fn:trigger',
      'Topic>Inbox:trigger',
      'Uploads>Fn:trigger',
      'Uploads>default-event-bus:trigger',
    ]);
  });

  it('makes a scheduled rule a cron and a pattern rule a trigger from its bus', () => {
    const t = truthOf(`
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties: { Name: !Sub '\${AWS::StackName}-orders' }
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: cron(0 2 * * ? *)
      Targets: [{ Id: t, Arn: !Ref Flow }]
  OnOrder:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Sub '\${AWS::StackName}-orders'
      EventPattern: { source: [shop] }
      Targets:
        - { Id: a, Arn: !GetAtt Jobs.Arn, DeadLetterConfig: { Arn: !GetAtt Dlq.Arn } }
        - { Id: b, Arn: !Ref Alerts }
  Every5:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(5 minutes)
      Target: { Arn: !GetAtt Fn.Arn, RoleArn: arn:aws:iam::1:role/x }
  Jobs: { Type: AWS::SQS::Queue }
  Dlq: { Type: AWS::SQS::Queue }
  Alerts: { Type: AWS::SNS::Topic }
  Flow: { Type: AWS::StepFunctions::StateMachine }
  Fn: { Type: AWS::Lambda::Function }
`);
    // The bus is named by its physical name, not a Ref; the dead-letter queue is no component.
    expect(t.kinds).toEqual(['cron', 'cron', 'event_bus', 'function', 'queue', 'topic', 'workflow']);
    expect(t.edges).toEqual([
      'Bus>Alerts:trigger',
      'Bus>Jobs:trigger',
      'Every5>Fn:trigger',
      'Nightly>Flow:trigger',
    ]);
  });

  it('reads a bus named through a mapping, and never takes a bus it cannot read for the default one', () => {
    const t = truthOf(`
Mappings:
  Config: { Bus: { Name: shop-events } }
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties: { Name: !FindInMap [Config, Bus, Name] }
  Mine:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !FindInMap [Config, Bus, Name]
      EventPattern: { source: [shop] }
      Targets: [{ Id: a, Arn: !GetAtt Fn.Arn }]
  Theirs:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !ImportValue other-stack-bus
      EventPattern: { source: [other] }
      Targets: [{ Id: a, Arn: !GetAtt Fn.Arn }]
  Fn: { Type: AWS::Lambda::Function }
`);
    expect(t.kinds).toEqual(['event_bus', 'function']);
    expect(t.edges).toEqual(['Bus>Fn:trigger']);
  });

  it('reads Pipes, Firehose sources and destinations, and Lambda destinations', () => {
    const t = truthOf(`
Resources:
  Orders: { Type: AWS::DynamoDB::Table }
  Flow: { Type: AWS::StepFunctions::StateMachine }
  Pipe:
    Type: AWS::Pipes::Pipe
    Properties: { Source: !GetAtt Orders.StreamArn, Target: !Ref Flow, RoleArn: arn:aws:iam::1:role/p }
  Clicks: { Type: AWS::Kinesis::Stream }
  Lake: { Type: AWS::S3::Bucket }
  Backup: { Type: AWS::S3::Bucket }
  Delivery:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      KinesisStreamSourceConfiguration: { KinesisStreamARN: !GetAtt Clicks.Arn, RoleARN: r }
      ExtendedS3DestinationConfiguration:
        BucketARN: !GetAtt Lake.Arn
        S3BackupMode: Enabled
        S3BackupConfiguration: { BucketARN: !GetAtt Backup.Arn }
  Fn: { Type: AWS::Lambda::Function }
  Done: { Type: AWS::SQS::Queue }
  Invoke:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      DestinationConfig: { OnSuccess: { Destination: !GetAtt Done.Arn } }
`);
    expect(t.kinds).toEqual([
      'bucket',
      'delivery_stream',
      'function',
      'kv_table',
      'queue',
      'stream',
      'workflow',
    ]);
    expect(t.edges).toEqual([
      'Clicks>Delivery:trigger',
      'Delivery>Lake:write',
      'Fn>Done:publish',
      'Orders>Flow:trigger',
    ]);
  });
});
