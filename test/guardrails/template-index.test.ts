import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { buildTemplateIndex } from '../../src/guardrails/template-index.ts';

const template = parseTemplateText(`
Parameters:
  Env: { Type: String, Default: dev }
  Retention: { Type: Number, Default: "7" }
  Subnets: { Type: CommaDelimitedList, Default: "a, b" }
  NoDefault: { Type: String }
Mappings:
  Sizes:
    prod: { Class: db.r6g.large, MultiAz: true }
    dev: { Class: db.t4g.micro, MultiAz: false }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  InEu: !Equals [!Ref "AWS::Region", eu-west-1]
  ProdOrEu: !Or [!Condition IsProd, !Condition InEu]
Resources:
  Key:
    Type: AWS::KMS::Key
  Db:
    Type: AWS::RDS::DBInstance
    DependsOn: Key
    Properties:
      DBInstanceClass: !FindInMap [Sizes, !Ref Env, Class]
      MultiAZ: !FindInMap [Sizes, !Ref Env, MultiAz]
      BackupRetentionPeriod: !Ref Retention
      StorageEncrypted: !If [IsProd, true, false]
      KmsKeyId: !GetAtt Key.Arn
      DBName: !Sub "\${Env}-orders-\${AWS::Region}"
      Port: !Select [1, !Split [",", "5432,5433"]]
      Tags:
        - { Key: env, Value: !Ref Env }
        - !If [IsProd, { Key: tier, Value: gold }, !Ref "AWS::NoValue"]
        - { Key: region, Value: !Ref "AWS::Region" }
      Owner: !If [InEu, eu-team, us-team]
      Maybe: !If [ProdOrEu, x, !Ref "AWS::NoValue"]
      Nothing: !If [IsDev, !Ref "AWS::NoValue", y]
      Joined: !Join ["-", [a, !Ref Env, !Select [0, !Ref Subnets]]]
      Imported: !ImportValue shared-vpc
      Missing: !Ref NoDefault
      Listed: [ok, !GetAtt Key.Arn]
  Alias:
    Type: AWS::KMS::Alias
    Properties:
      TargetKeyId: !Ref Key
      AliasName: !Sub "alias/\${Key}"
`);

describe('buildTemplateIndex', () => {
  const index = buildTemplateIndex(template);
  const db = index.resource('Db')!;

  it('resolves Ref to parameter defaults, with Number and list types', () => {
    expect(db.get('BackupRetentionPeriod')).toEqual({ known: true, value: 7 });
    expect(db.get('Joined')).toEqual({ known: true, value: 'a-dev-a' });
  });

  it('resolves Fn::FindInMap, Fn::If with conditions, Fn::Select and Fn::Split', () => {
    expect(db.get('DBInstanceClass')).toEqual({ known: true, value: 'db.t4g.micro' });
    expect(db.get('MultiAZ')).toEqual({ known: true, value: false });
    expect(db.get('StorageEncrypted')).toEqual({ known: true, value: false });
    expect(db.get('Port')).toEqual({ known: true, value: '5433' });
    expect(db.get('Nothing')).toEqual({ known: true, value: undefined });
  });

  it('uses supplied parameter values over defaults', () => {
    const prod = buildTemplateIndex(template, { parameters: { Env: 'prod' } }).resource('Db')!;
    expect(prod.get('DBInstanceClass')).toEqual({ known: true, value: 'db.r6g.large' });
    expect(prod.get('StorageEncrypted')).toEqual({ known: true, value: true });
    expect(prod.get('Tags')).toEqual({ known: false, reason: expect.stringContaining('AWS::Region') });
    expect(prod.get('Tags.1.Value')).toEqual({ known: true, value: 'gold' });
    expect(prod.get('Maybe')).toEqual({ known: true, value: 'x' });
  });

  it('keeps pseudo parameters unknown unless the context supplies them', () => {
    expect(db.get('DBName')).toEqual({ known: false, reason: expect.stringContaining('AWS::Region') });
    expect(db.get('Owner')).toEqual({ known: false, reason: expect.stringContaining('InEu') });
    expect(db.get('Maybe').known).toBe(false);
    const eu = buildTemplateIndex(template, { region: 'eu-west-1' }).resource('Db')!;
    expect(eu.get('DBName')).toEqual({ known: true, value: 'dev-orders-eu-west-1' });
    expect(eu.get('Owner')).toEqual({ known: true, value: 'eu-team' });
    expect(eu.get('Maybe')).toEqual({ known: true, value: 'x' });
  });

  it('keeps Fn::GetAtt, Fn::ImportValue and parameters without values symbolic, naming the intrinsic', () => {
    expect(db.get('KmsKeyId')).toEqual({
      known: false,
      reason: expect.stringContaining('Fn::GetAtt Key.Arn'),
    });
    expect(db.get('Imported')).toEqual({ known: false, reason: expect.stringContaining('Fn::ImportValue') });
    expect(db.get('Missing')).toEqual({ known: false, reason: expect.stringContaining('NoDefault') });
    expect(db.get('Listed')).toMatchObject({ known: false });
    expect(db.get('Listed.0')).toEqual({ known: true, value: 'ok' });
  });

  it('tells whether a property is set, even to a symbolic value', () => {
    expect(db.has('KmsKeyId')).toEqual({ known: true, value: true });
    expect(db.has('Imported')).toEqual({ known: true, value: true });
    expect(db.has('Nothing')).toEqual({ known: true, value: false });
    expect(db.has('Absent')).toEqual({ known: true, value: false });
    expect(db.has('Maybe').known).toBe(false);
  });

  it('counts list items without the ones removed by AWS::NoValue', () => {
    expect(db.length('Tags')).toEqual({ known: true, value: 2 });
    expect(db.get('Tags.1.Key')).toEqual({ known: true, value: 'region' });
    expect(db.length('Absent')).toEqual({ known: true, value: undefined });
  });

  it('builds the reference graph from Ref, GetAtt, Sub and DependsOn', () => {
    expect(db.references).toEqual(['Key']);
    expect(index.resource('Alias')?.references).toEqual(['Key']);
    expect(index.referencedBy('Key').map((r) => r.logicalId)).toEqual(['Db', 'Alias']);
    expect(index.byType('AWS::KMS::Key').map((r) => r.logicalId)).toEqual(['Key']);
    expect(index.byType('AWS::Nope::Nope')).toEqual([]);
  });

  it('gives JSON pointers of property paths', () => {
    expect(db.pointerOf('Tags.1.Value')).toBe('/Resources/Db/Properties/Tags/1/Value');
    expect(db.pointer).toBe('/Resources/Db');
  });

  it('tolerates malformed intrinsics and templates', () => {
    const odd = buildTemplateIndex({
      Conditions: { Loop: { Condition: 'Loop' } },
      Resources: {
        A: {
          Type: 'X::Y::Z',
          Properties: { If: { 'Fn::If': 'bad' }, L: { 'Fn::If': ['Loop', 1, 2] }, J: { 'Fn::Join': [1] } },
        },
        B: 'not a resource',
      },
    });
    const a = odd.resource('A')!;
    expect(a.get('If')).toEqual({ known: false, reason: expect.stringContaining('malformed Fn::If') });
    expect(a.get('L')).toEqual({ known: false, reason: expect.stringContaining('refers to itself') });
    expect(a.get('J').known).toBe(false);
    expect(odd.resources.map((r) => r.logicalId)).toEqual(['A']);
  });
});
