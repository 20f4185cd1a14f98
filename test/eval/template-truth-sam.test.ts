import { describe, expect, it } from 'vitest';
import { truthOf } from './truth-of.ts';

/** A `${Name}` substitution placeholder as a state machine definition writes it. */
const placeholder = (name: string) => `\${${name}}`;

describe('template truth: SAM', () => {
  it('reads events, policy templates and the implicit API of a serverless app', () => {
    const t = truthOf(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
  Jobs:
    Type: AWS::SQS::Queue
  ApiFn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
        - SQSSendMessagePolicy: { QueueName: !GetAtt Jobs.QueueName }
      Events:
        Get: { Type: Api, Properties: { Path: /orders, Method: get } }
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - SQSPollerPolicy: { QueueName: !GetAtt Jobs.QueueName }
        - DynamoDBReadPolicy: { TableName: !Ref Orders }
      Events:
        Queue: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
`);
    expect(t.kinds).toEqual(['cron', 'function', 'function', 'http_api(rest)', 'kv_table', 'queue']);
    expect(t.edges).toEqual([
      'ApiFn>Jobs:publish',
      'ApiFn>Orders:readwrite',
      'Jobs>Worker:trigger',
      'ServerlessRestApi>ApiFn:route',
      'Worker>Orders:read',
      'WorkerNightly>Worker:trigger',
    ]);
  });

  it('gives an HTTP API event the implicit HTTP API, and an EventBridge event the default bus', () => {
    const t = truthOf(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Http: { Type: HttpApi }
        Rule: { Type: EventBridgeRule, Properties: { Pattern: { source: [aws.ec2] } } }
`);
    expect(t.kinds).toEqual(['event_bus', 'function', 'http_api(http)']);
    expect(t.edges).toEqual(['ServerlessHttpApi>Fn:route', 'default-event-bus>Fn:trigger']);
  });

  it('reads a state machine definition from its DefinitionUri file, substitutions resolved', () => {
    const definition = JSON.stringify({
      StartAt: 'Save',
      States: {
        Save: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: placeholder('TableName') },
          Next: 'Fan',
        },
        Fan: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Call',
              States: {
                Call: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::lambda:invoke',
                  Parameters: { FunctionName: placeholder('FnArn') },
                  End: true,
                },
              },
            },
          ],
          Next: 'Tell',
        },
        Tell: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: placeholder('Topic') },
          End: true,
        },
      },
    });
    const t = truthOf(
      `
Resources:
  Table: { Type: AWS::DynamoDB::Table }
  Done: { Type: AWS::SNS::Topic }
  Fn: { Type: AWS::Serverless::Function }
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions:
        TableName: !Ref Table
        FnArn: !GetAtt Fn.Arn
        Topic: !Ref Done
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Table }
        - LambdaInvokePolicy: { FunctionName: !Ref Fn }
`,
      { 'statemachine/flow.asl.json': definition },
    );
    // The definition only writes the table: what it does beats the CRUD policy its role was given.
    expect(t.edges).toEqual(['Flow>Done:publish', 'Flow>Fn:invoke', 'Flow>Table:write']);
  });

  it('turns SAM connectors from compute into connections', () => {
    const t = truthOf(`
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Fn:
    Type: AWS::Serverless::Function
    Connectors:
      ToBucket:
        Properties:
          Destination: { Id: Bucket }
          Permissions: [Read, Write]
`);
    expect(t.edges).toEqual(['Fn>Bucket:readwrite']);
  });
});
