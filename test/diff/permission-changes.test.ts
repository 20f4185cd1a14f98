import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { renderDiffJson } from '../../src/diff/render-diff-json.ts';
import { renderDiffMarkdown } from '../../src/diff/render-diff-markdown.ts';

/** CloudFormation references as cloudformation-diff renders them: `${Role}`, `${Web.GroupId}`. */
const ref = (name: string): string => ['$', '{', name, '}'].join('');
const ROLE = ref('Role');
const WEB = ref('Web.GroupId');

const role = (statements: unknown[]) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    },
    Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
  },
});

const sg = (ingress: unknown[]) => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: { GroupDescription: 'web', VpcId: 'vpc-1', SecurityGroupIngress: ingress },
});

describe('permissions', () => {
  it('flags a new wildcard IAM statement as broadened, with reasons', () => {
    const d = diffTemplates(
      {
        Resources: {
          Role: role([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]),
        },
      },
      { Resources: { Role: role([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) } },
    );
    expect(d.permissionsBroadened).toBe(true);
    expect(d.iam.statements).toEqual([
      {
        change: 'added',
        effect: 'Allow',
        actions: ['s3:*'],
        resources: ['*'],
        principals: [`AWS:${ROLE}`],
        condition: null,
      },
      {
        change: 'removed',
        effect: 'Allow',
        actions: ['s3:GetObject'],
        resources: ['arn:aws:s3:::b/*'],
        principals: [`AWS:${ROLE}`],
        condition: null,
      },
    ]);
    // one reason per statement, with what makes it broad beside it
    expect(d.permissionsBroadenedReasons).toEqual([
      `new IAM statement allows s3:* on * for AWS:${ROLE} (wildcard actions, all resources)`,
    ]);
  });

  it('prints IAM conditions as people read them, not as escaped JSON', () => {
    const d = diffTemplates(
      { Resources: {} },
      {
        Resources: {
          Role: role([
            {
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: 'arn:aws:iam::111122223333:role/task',
              Condition: {
                StringEquals: { 'iam:PassedToService': ['ecs-tasks.amazonaws.com', 'events.amazonaws.com'] },
                Bool: { 'aws:SecureTransport': 'true' },
                ArnEquals: {
                  'aws:SourceArn': { 'Fn::Sub': `arn:aws:events:us-east-1:111122223333:rule/\${Rule}` },
                },
              },
            },
          ]),
        },
      },
    );
    const passRole = d.iam.statements.find((s) => s.actions.includes('iam:PassRole'))!;
    expect(passRole.condition).toBe(
      `StringEquals iam:PassedToService = ecs-tasks.amazonaws.com or events.amazonaws.com and Bool aws:SecureTransport = true and ArnEquals aws:SourceArn = arn:aws:events:us-east-1:111122223333:rule/\${Rule}`,
    );
    expect(renderDiffJson(d)).toContain(`"condition": "${passRole.condition}"`);
    expect(renderDiffMarkdown(d)).toContain('StringEquals iam:PassedToService = ecs-tasks.amazonaws.com');
    expect(d.permissionsBroadenedReasons).toContainEqual(
      `new IAM statement allows iam:PassRole on arn:aws:iam::111122223333:role/task for AWS:${ROLE} when ${passRole.condition}`,
    );
  });

  it('does not call the deny-all egress placeholder broadened permissions', () => {
    const placeholder = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'db',
        VpcId: 'vpc-1',
        SecurityGroupEgress: [
          {
            CidrIp: '255.255.255.255/32',
            Description: 'Disallow all egress',
            IpProtocol: 'icmp',
            FromPort: 252,
            ToPort: 86,
          },
        ],
      },
    };
    const d = diffTemplates({ Resources: {} }, { Resources: { Db: placeholder } });
    expect(d.securityGroupRules.map((r) => r.peer)).toEqual(['255.255.255.255/32']);
    expect(d.permissionsBroadenedReasons).toEqual([]);
    expect(d.permissionsBroadened).toBe(false);
  });

  it('does not flag narrowed permissions', () => {
    const d = diffTemplates(
      {
        Resources: {
          Role: role([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]),
        },
      },
      { Resources: { Role: role([]) } },
    );
    expect(d.permissionsBroadened).toBe(false);
    expect(d.permissionsBroadenedReasons).toEqual([]);
    expect(d.iam.statements.map((s) => s.change)).toEqual(['removed']);
  });

  it('tables security group rule changes and flags new internet ingress', () => {
    const d = diffTemplates(
      { Resources: { Web: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/8' }]) } },
      { Resources: { Web: sg([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }]) } },
    );
    expect(d.securityGroupRules).toEqual([
      {
        change: 'added',
        direction: 'ingress',
        group: `${WEB}`,
        protocol: 'TCP 443',
        peer: 'Everyone (IPv4)',
        openToInternet: true,
      },
      {
        change: 'removed',
        direction: 'ingress',
        group: `${WEB}`,
        protocol: 'TCP 443',
        peer: '10.0.0.0/8',
        openToInternet: false,
      },
    ]);
    expect(d.permissionsBroadened).toBe(true);
    expect(d.permissionsBroadenedReasons).toEqual([
      `new ingress from the internet (Everyone (IPv4)) on TCP 443 to ${WEB}`,
    ]);
  });

  it('flags an attached managed policy', () => {
    const withPolicy = role([]);
    (withPolicy.Properties as Record<string, unknown>).ManagedPolicyArns = [
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ];
    const d = diffTemplates({ Resources: { Role: role([]) } }, { Resources: { Role: withPolicy } });
    expect(d.iam.managedPolicies).toEqual([
      { change: 'added', identity: `${ROLE}`, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ]);
    expect(d.permissionsBroadenedReasons).toEqual([
      `managed policy arn:aws:iam::aws:policy/AdministratorAccess attached to ${ROLE}`,
    ]);
  });
});

describe('IAM statement tables', () => {
  it('show an Fn::Sub resource as the ARN pattern it builds, not as JSON', () => {
    const role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [
          {
            PolicyName: 'read',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['dynamodb:Query'],
                  // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
                  Resource: [{ 'Fn::GetAtt': ['Table', 'Arn'] }, { 'Fn::Sub': '${Table.Arn}/index/*' }],
                },
              ],
            },
          },
        ],
      },
    };
    const d = diffTemplates(null, { Resources: { Role: role } });
    const query = d.iam.statements.find((s) => s.actions.includes('dynamodb:Query'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation placeholders, not a JS template
    expect(query?.resources).toEqual(['${Table.Arn}', '${Table.Arn}/index/*']);
  });
});
