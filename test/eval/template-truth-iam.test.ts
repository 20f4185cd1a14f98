import { describe, expect, it } from 'vitest';
import { truthOf } from './truth-of.ts';

describe('template truth: IAM and network', () => {
  it('reads what a role lets its function do, by action, on the components its statements name', () => {
    const t = truthOf(`
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:ListBucket]
                Resource: [!GetAtt Raw.Arn, !Sub '\${Raw.Arn}/*']
              - Effect: Allow
                Action: s3:PutObject
                Resource: !Sub 'arn:aws:s3:::\${Curated}/*'
              - Effect: Allow
                Action: [sqs:SendMessage, sqs:GetQueueAttributes]
                Resource: !GetAtt Jobs.Arn
              - Effect: Deny
                Action: dynamodb:*
                Resource: !GetAtt Table.Arn
              - Effect: Allow
                Action: ses:SendEmail
                Resource: '*'
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref Role]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: ['dynamodb:Get*', 'dynamodb:Query'], Resource: !GetAtt Table.Arn }]
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt Role.Arn }
  Raw: { Type: AWS::S3::Bucket }
  Curated: { Type: AWS::S3::Bucket }
  Jobs: { Type: AWS::SQS::Queue }
  Table: { Type: AWS::DynamoDB::Table }
`);
    // Email needs no resource in the template: the permission to send implies it.
    expect(t.kinds).toEqual(['bucket', 'bucket', 'email', 'function', 'kv_table', 'queue']);
    expect(t.edges).toEqual([
      'Fn>Curated:write',
      'Fn>Jobs:publish',
      'Fn>Raw:read',
      'Fn>Table:read',
      'Fn>ses-email:publish',
    ]);
  });

  it('connects compute to a database its security group admits, and redirects its secret to it', () => {
    const t = truthOf(`
Resources:
  FnSg: { Type: AWS::EC2::SecurityGroup }
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }]
  Secret: { Type: AWS::SecretsManager::Secret }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      VPCSecurityGroups: [!Ref DbSg]
      MasterUserPassword: !Sub '{{resolve:secretsmanager:\${Secret}:SecretString:password}}'
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: !Ref Db }
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Ref Secret }]
  Reader:
    Type: AWS::Lambda::Function
    Properties: { Role: !GetAtt Role.Arn }
  Fn:
    Type: AWS::Lambda::Function
    Properties: { VpcConfig: { SecurityGroupIds: [!Ref FnSg], SubnetIds: [s] } }
`);
    // The database's secret and its read replica are part of the database.
    expect(t.kinds).toEqual(['function', 'function', 'postgres']);
    expect(t.edges).toEqual(['Fn>Db:readwrite', 'Reader>Db:readwrite']);
  });
});
