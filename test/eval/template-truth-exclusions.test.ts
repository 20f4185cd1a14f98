import { describe, expect, it } from 'vitest';
import { truthOf } from './truth-of.ts';

describe('template truth: plumbing is not a component', () => {
  it('drops dead-letter queues, unless something other than a permission connects them', () => {
    const t = truthOf(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt JobsDlq.Arn, maxReceiveCount: 3 } }
  JobsDlq: { Type: AWS::SQS::Queue }
  Orders:
    Type: AWS::SQS::Queue
    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 3 } }
  OrdersDlq: { Type: AWS::SQS::Queue }
  FnDlq: { Type: AWS::SQS::Queue }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt FnDlq.Arn }
      Policies: [{ SQSSendMessagePolicy: { QueueName: !GetAtt FnDlq.QueueName } }]
      Events: { Jobs: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } } }
  Redrive:
    Type: AWS::Serverless::Function
    Properties:
      Events: { Failed: { Type: SQS, Properties: { Queue: !GetAtt OrdersDlq.Arn } } }
`);
    expect(t.kinds).toEqual(['function', 'function', 'queue', 'queue', 'queue']);
    expect(t.edges).toEqual(['Jobs>Fn:trigger', 'OrdersDlq>Redrive:trigger']);
  });

  it('drops functions backing custom resources and the handlers only they invoke', () => {
    const t = truthOf(`
Resources:
  Provider:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt ProviderRole.Arn }
  ProviderRole:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [{ Effect: Allow, Action: lambda:InvokeFunction, Resource: !GetAtt Handler.Arn }] }
  Handler: { Type: AWS::Lambda::Function }
  Seed:
    Type: Custom::Seed
    Properties: { ServiceToken: !GetAtt Provider.Arn }
  App: { Type: AWS::Lambda::Function }
`);
    expect(t.kinds).toEqual(['function']);
  });

  it('drops Lambda authorizers and buckets that only receive logs or replicas', () => {
    const t = truthOf(`
Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  Auth: { Type: AWS::Lambda::Function }
  Authorizer:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Type: TOKEN
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Auth.Arn}/invocations
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: { DestinationBucketName: !Ref AccessLogs }
      ReplicationConfiguration:
        Role: arn:aws:iam::1:role/r
        Rules: [{ Status: Enabled, Destination: { Bucket: !GetAtt Replica.Arn } }]
  AccessLogs: { Type: AWS::S3::Bucket }
  Replica: { Type: AWS::S3::Bucket }
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: { S3BucketName: !Ref TrailLogs, IsLogging: true }
  TrailLogs: { Type: AWS::S3::Bucket }
`);
    expect(t.kinds).toEqual(['bucket', 'http_api(rest)']);
  });

  it('keeps only connections the conventions allow, and no polling beside a trigger', () => {
    const t = truthOf(`
Resources:
  Jobs: { Type: AWS::SQS::Queue }
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: [sqs:ReceiveMessage, sqs:DeleteMessage], Resource: !GetAtt Jobs.Arn }]
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt Role.Arn }
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Fn }
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer }
  Group:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { TargetType: lambda, Targets: [{ Id: !GetAtt Fn.Arn }] }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Lb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Group }] }
`);
    // load_balancer → function is not a pair of the intent model; consume is the trigger's doing.
    expect(t.edges).toEqual(['Jobs>Fn:trigger']);
    expect(t.connections).toEqual(['queue>function:trigger']);
  });
});
