import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../../src/diff/to-yaml.ts';

describe('toYaml', () => {
  it('writes templates in block style', () => {
    const template = {
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            Policies: [
              {
                PolicyName: 'p',
                PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:*'] }] },
              },
            ],
            Tags: [],
            Path: '/',
          },
        },
      },
      Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
    };
    expect(toYaml(template)).toBe(
      [
        'Resources:',
        '  Role:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      Policies:',
        '        - PolicyName: p',
        '          PolicyDocument:',
        '            Statement:',
        '              - Effect: Allow',
        '                Action:',
        '                  - s3:GetObject',
        '                  - s3:*',
        '      Tags: []',
        '      Path: /',
        'Outputs:',
        '  Arn:',
        '    Value:',
        '      Fn::GetAtt:',
        '        - Role',
        '        - Arn',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings that would read back as something else', () => {
    expect(
      parse(toYaml({ a: 'true', b: '10', c: 'no', d: 'a: b', e: ' x', f: '', g: 'line\nbreak', h: '#x' })),
    ).toEqual({
      a: 'true',
      b: '10',
      c: 'no',
      d: 'a: b',
      e: ' x',
      f: '',
      g: 'line\nbreak',
      h: '#x',
    });
  });

  it('reads back as the same data', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const normalised = JSON.parse(JSON.stringify(value)) as unknown;
        expect(parse(toYaml(normalised))).toEqual(normalised);
      }),
    );
  });
});
