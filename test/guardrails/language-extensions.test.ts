// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub and Fn::ForEach placeholders
import { describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import { TemplateParseError } from '../../src/cfn/template-parse-error.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';

const context = { team: 'payments', environment: 'prod' };

function check(text: string, parameters?: Record<string, string>) {
  const source = parseTemplateSource(text);
  return evaluateTemplate(source.template, {
    context: { ...context, ...(parameters ? { parameters } : {}) },
  });
}

const loop = `Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList, Default: "orders,refunds" }
Resources:
  Fn::ForEach::Queues:
    - Name
    - !Ref Names
    - "\${Name}Queue":
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub "app-\${Name}"
          SqsManagedSseEnabled: false
          MessageRetentionPeriod: !Length [a, b, c]
`;

describe('AWS::LanguageExtensions', () => {
  it('expands Fn::ForEach and checks each resource it makes, pointing into the loop', () => {
    const { findings, summary } = check(loop);
    const resources = new Set(findings.map((f) => f.resource));
    expect(resources).toEqual(new Set(['ordersQueue', 'refundsQueue']));
    const finding = findings.find(
      (f) => f.resource === 'refundsQueue' && f.path?.includes('SqsManagedSseEnabled'),
    );
    expect(finding?.path).toBe(
      '/Resources/Fn::ForEach::Queues/2/${Name}Queue/Properties/SqsManagedSseEnabled',
    );
    expect(summary.resources).toBe(2);
  });

  it('expands the collection given with --param', () => {
    const { findings } = check(loop, { Names: 'a' });
    expect(new Set(findings.map((f) => f.resource))).toEqual(new Set(['aQueue']));
  });

  it('says what it could not expand when the collection is known only at deploy time', () => {
    const { findings } = check(loop.replace(', Default: "orders,refunds"', ''));
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'template-transform',
        status: 'unknown',
        path: '/Resources/Fn::ForEach::Queues',
        message: expect.stringContaining('Fn::ForEach::Queues could not be expanded'),
      }),
    );
  });

  it('accepts the Rules section functions and Fn::ToJsonString', () => {
    const source = parseTemplateSource(`Parameters:
  Env: { Type: String, Default: dev }
  Subnets: { Type: List<AWS::EC2::Subnet::Id>, Default: "subnet-1" }
Rules:
  ProdOnly:
    RuleCondition: !Equals [!Ref Env, prod]
    Assertions:
      - Assert: !Contains [[prod], !Ref Env]
      - Assert: !EachMemberEquals [!RefAll AWS::EC2::VPC::Id, vpc-1]
      - Assert: !EachMemberIn [!ValueOfAll [AWS::EC2::Subnet::Id, VpcId], [vpc-1]]
      - Assert: !Equals [!ValueOf [Subnets, VpcId], vpc-1]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !ToJsonString { a: 1 }
`);
    expect(source.template.Rules).toMatchObject({
      ProdOnly: { Assertions: [{ Assert: { 'Fn::Contains': [['prod'], { Ref: 'Env' }] } }, {}, {}, {}] },
    });
    expect(evaluateTemplate(source.template, { context }).summary.resources).toBe(1);
  });
});

describe('Rain sources', () => {
  it('are refused with a message that says to package them first, located', () => {
    let error: unknown;
    try {
      parseTemplateSource(
        'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: !Rain::Embed tags.yaml\n',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateParseError);
    expect((error as TemplateParseError).message).toMatch(
      /Rain source \(!Rain::Embed\).*rain pkg.*line 5, column 13/,
    );
  });
});
