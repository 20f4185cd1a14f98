import { describe, expect, it } from 'vitest';
import { truthOf } from './truth-of.ts';

describe('template truth: routing', () => {
  it('reads API Gateway integrations with functions and with AWS services directly', () => {
    const t = truthOf(`
Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  Fn: { Type: AWS::Lambda::Function }
  Jobs: { Type: AWS::SQS::Queue }
  GetMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      Integration:
        Type: AWS_PROXY
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
  PostMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      Integration:
        Type: AWS
        Uri: !Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, ':sqs:path/', !Ref AWS::AccountId, '/', !GetAtt Jobs.QueueName]]
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { ProtocolType: HTTP }
  Socket:
    Type: AWS::ApiGatewayV2::Api
    Properties: { ProtocolType: WEBSOCKET }
  Flow: { Type: AWS::StepFunctions::StateMachine }
  Start:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Http
      IntegrationType: AWS_PROXY
      IntegrationSubtype: StepFunctions-StartExecution
      RequestParameters: { StateMachineArn: !Ref Flow }
`);
    // A WebSocket API is not an http_api.
    expect(t.kinds).toEqual(['function', 'http_api(http)', 'http_api(rest)', 'queue', 'workflow']);
    expect(t.edges).toEqual(['Api>Fn:route', 'Api>Jobs:route', 'Http>Flow:route']);
  });

  it('reads a load balancer routing to an ECS service, with Cognito authentication', () => {
    const t = truthOf(`
Resources:
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer }
  Pool: { Type: AWS::Cognito::UserPool }
  Group: { Type: AWS::ElasticLoadBalancingV2::TargetGroup }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      DefaultActions:
        - { Type: authenticate-cognito, AuthenticateCognitoConfig: { UserPoolArn: !GetAtt Pool.Arn } }
        - { Type: forward, TargetGroupArn: !Ref Group }
  Web:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LoadBalancers: [{ TargetGroupArn: !Ref Group, ContainerName: web, ContainerPort: 80 }]
  Task: { Type: AWS::ECS::TaskDefinition }
  Reports: { Type: AWS::ECS::TaskDefinition }
`);
    // A task definition no service runs is run as a task: a worker.
    expect(t.kinds).toEqual(['container_service', 'load_balancer', 'user_pool', 'worker']);
    expect(t.edges).toEqual(['Lb>Web:route', 'Pool>Lb:auth']);
  });

  it('reads CloudFront origins and Route 53 aliases; a website bucket behind CloudFront is a static site', () => {
    const t = truthOf(`
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties: { WebsiteConfiguration: { IndexDocument: index.html } }
  SiteCdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins: [{ Id: s, DomainName: !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]] }]
  Assets: { Type: AWS::S3::Bucket }
  Logs: { Type: AWS::S3::Bucket }
  Api: { Type: AWS::ApiGateway::RestApi }
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Logging: { Bucket: !GetAtt Logs.DomainName }
        Origins:
          - { Id: a, DomainName: !GetAtt Assets.RegionalDomainName }
          - { Id: b, DomainName: !Sub '\${Api}.execute-api.\${AWS::Region}.amazonaws.com' }
  WwwA:
    Type: AWS::Route53::RecordSet
    Properties: { Name: www.example.com, Type: A, AliasTarget: { DNSName: !GetAtt SiteCdn.DomainName } }
  WwwAaaa:
    Type: AWS::Route53::RecordSet
    Properties: { Name: www.example.com, Type: AAAA, AliasTarget: { DNSName: !GetAtt SiteCdn.DomainName } }
  AppA:
    Type: AWS::Route53::RecordSet
    Properties: { Name: app.example.com, Type: A, AliasTarget: { DNSName: !GetAtt Cdn.DomainName } }
`);
    // The logging bucket is plumbing; A and AAAA of one name are one record.
    expect(t.kinds).toEqual(['bucket', 'cdn', 'dns', 'dns', 'http_api(rest)', 'static_site']);
    expect(t.edges).toEqual(['AppA>Cdn:route', 'Cdn>Api:origin', 'Cdn>Assets:origin', 'WwwA>Site:route']);
  });
});
