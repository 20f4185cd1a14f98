import { describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { TemplateParseError } from '../../src/cfn/template-parse-error.ts';

function parseError(text: string): TemplateParseError {
  try {
    parseTemplateText(text);
  } catch (error) {
    if (error instanceof TemplateParseError) return error;
    throw error;
  }
  throw new Error('expected a TemplateParseError');
}

describe('parseTemplateText', () => {
  it('maps every short-form tag to its long form', () => {
    const template = parseTemplateText(`
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Both: !And [!Condition IsProd, !Not [!Or [!Equals [a, b], !Equals [c, d]]]]
Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      Ref: !Ref B
      Dotted: !GetAtt B.Arn
      Nested: !GetAtt B.Endpoint.Address
      Listed: !GetAtt [B, Arn]
      Sub: !Sub "\${AWS::Region}-x"
      SubVars: !Sub ["\${X}", { X: !Ref B }]
      Join: !Join [",", [a, b]]
      If: !If [IsProd, 1, 2]
      Select: !Select [0, !GetAZs ""]
      Split: !Split [",", "a,b"]
      Map: !FindInMap [M, !Ref "AWS::Region", K]
      B64: !Base64 hello
      Cidr: !Cidr ["10.0.0.0/16", 4, 8]
      Import: !ImportValue shared-vpc
`);
    expect(template.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      Both: {
        'Fn::And': [
          { Condition: 'IsProd' },
          { 'Fn::Not': [{ 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Equals': ['c', 'd'] }] }] },
        ],
      },
    });
    expect(template.Resources.A?.Properties).toEqual({
      Ref: { Ref: 'B' },
      Dotted: { 'Fn::GetAtt': ['B', 'Arn'] },
      Nested: { 'Fn::GetAtt': ['B', 'Endpoint.Address'] },
      Listed: { 'Fn::GetAtt': ['B', 'Arn'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
      Sub: { 'Fn::Sub': '${AWS::Region}-x' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
      SubVars: { 'Fn::Sub': ['${X}', { X: { Ref: 'B' } }] },
      Join: { 'Fn::Join': [',', ['a', 'b']] },
      If: { 'Fn::If': ['IsProd', 1, 2] },
      Select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Split: { 'Fn::Split': [',', 'a,b'] },
      Map: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'K'] },
      B64: { 'Fn::Base64': 'hello' },
      Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      Import: { 'Fn::ImportValue': 'shared-vpc' },
    });
  });

  it('reads JSON templates', () => {
    const template = parseTemplateText(
      '{"Resources": {"A": {"Type": "AWS::SQS::Queue", "Properties": {"N": 1}}}}',
    );
    expect(template.Resources.A).toEqual({ Type: 'AWS::SQS::Queue', Properties: { N: 1 } });
  });

  it('reads unquoted yes/no/on/off as booleans, as CloudFormation does (YAML 1.1), and nothing else', () => {
    const template = parseTemplateText(`
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      PubliclyAccessible: No
      AutoMinorVersionUpgrade: yes
      Logs: { General: ON, Audit: off }
      Tags:
        - { Key: quoted, Value: "No" }
        - { Key: letter, Value: N }
        - { Key: tagged, Value: !Ref No }
        - { Key: word, Value: Nope }
`);
    expect(template.Resources.Broker?.Properties).toEqual({
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true,
      Logs: { General: true, Audit: false },
      Tags: [
        { Key: 'quoted', Value: 'No' },
        { Key: 'letter', Value: 'N' },
        { Key: 'tagged', Value: { Ref: 'No' } },
        { Key: 'word', Value: 'Nope' },
      ],
    });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const template = parseTemplateText(
      '{"Resources": {"A": {"Type": "X::Y::Z", "Properties": {"__proto__": {"polluted": 1}}}}}',
    );
    const properties = template.Resources.A?.Properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports syntax errors with line and column', () => {
    const error = parseError('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n');
    expect(error).toMatchObject({ status: 400, type: 'template-parse-error', line: expect.any(Number) });
    expect(error.line).toBeGreaterThanOrEqual(4);
    expect(error.message).toMatch(/line \d+, column \d+/);
  });

  it('rejects tags CloudFormation does not have, at their location', () => {
    const error = parseError(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Bogus 1\n',
    );
    expect(error.message).toContain('unknown tag !Bogus');
    expect(error.line).toBe(5);
    expect(error.column).toBeGreaterThanOrEqual(10);
  });

  it('rejects duplicate keys, empty text and a missing Resources section', () => {
    expect(parseError('Resources:\n  A: {Type: X::Y::Z}\n  A: {Type: X::Y::Z}\n').line).toBe(3);
    expect(parseError('').message).toContain('empty');
    expect(parseError('Description: nothing\n').message).toContain('no Resources');
    expect(parseError('- a\n- b\n').message).toContain('mapping');
  });

  it('rejects a resource without a Type, naming it and its line', () => {
    const error = parseError('Resources:\n  Good:\n    Type: AWS::SNS::Topic\n  Bad:\n    Properties: {}\n');
    expect(error.message).toContain('Bad');
    expect(error.line).toBe(4);
    expect(error.pointer).toBe('/Resources/Bad');
  });

  it('stops alias expansion bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const name = String.fromCharCode(98 + i);
        return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
      }),
      'Resources: {}',
    ].join('\n');
    expect(() => parseTemplateText(bomb)).toThrow(TemplateParseError);
  });

  it('maps JSON pointers back to lines', () => {
    const source = parseTemplateSource(
      'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n',
    );
    expect(source.locate('/Resources/Bucket/Properties/BucketName')).toEqual({ line: 5, column: 7 });
    expect(source.locate('/Resources/Bucket/Properties/Missing')?.line).toBe(4);
  });
});
