import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { TemplateParseError } from '../../src/cfn/template-parse-error.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { builtInRules } from '../../src/guardrails/rules/index.ts';

const ruleTypes = [
  ...new Set(builtInRules.flatMap((r) => (r.level === 'template' ? r.resourceTypes : []))),
].sort();
const resourceType = fc.constantFrom(...ruleTypes, 'AWS::Custom::Thing', 'Custom::Mine', '');
const logicalId = fc.constantFrom('A', 'B', 'Bucket', 'Queue', 'Role', 'Key', 'Missing');
const name = fc.constantFrom(
  'Env',
  'Size',
  'IsProd',
  'AWS::Region',
  'AWS::NoValue',
  'AWS::AccountId',
  'A',
  'Nope',
  '',
);

const INTRINSICS = [
  'Ref',
  'Fn::GetAtt',
  'Fn::If',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::ImportValue',
  'Fn::GetAZs',
  'Fn::Cidr',
  'Fn::Length',
  'Fn::ToJsonString',
  'Condition',
  'Fn::Unknown',
];

/** Any JSON-ish value, with well-formed and malformed intrinsics anywhere. */
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
      fc.constantFrom('*', '0.0.0.0/0', 'Enabled', 'true', '${Env}-${A.Arn}', '${!Lit}'),
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'Properties',
        'Statement',
        'Effect',
        'Action',
        'Resource',
        'Enabled',
        'Status',
        'KmsKeyId',
        'X',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
    fc.record({ Ref: fc.oneof(name, tie('value')) }),
    fc.record({
      'Fn::GetAtt': fc.oneof(fc.tuple(logicalId, fc.constantFrom('Arn', 'Endpoint.Address')), tie('value')),
    }),
    fc.record({ 'Fn::If': fc.oneof(fc.tuple(name, tie('value'), tie('value')), tie('value')) }),
    fc.record({
      'Fn::Sub': fc.oneof(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
        fc.constantFrom('${Env}', '${A.Arn}', 'x-${AWS::Region}', '${Nope}'),
        fc.tuple(fc.string(), fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 2 })),
        tie('value'),
      ),
    }),
    fc.record({
      'Fn::Join': fc.oneof(
        fc.tuple(fc.constantFrom(',', ''), fc.array(tie('value'), { maxLength: 3 })),
        tie('value'),
      ),
    }),
    fc.record({
      'Fn::Select': fc.oneof(fc.tuple(fc.integer({ min: -1, max: 3 }), tie('value')), tie('value')),
    }),
    fc.record({
      'Fn::FindInMap': fc.oneof(
        fc.tuple(fc.constantFrom('M', 'Nope'), name, fc.constantFrom('K', 'V')),
        tie('value'),
      ),
    }),
    fc.constantFrom(...INTRINSICS).chain((key) => tie('value').map((arg) => ({ [key]: arg }))),
  ),
}));

const resource = fc.record(
  {
    Type: fc.oneof(resourceType, value),
    Properties: value,
    DependsOn: fc.oneof(logicalId, fc.array(logicalId), value),
    Condition: fc.oneof(name, value),
    Metadata: fc.oneof(
      fc.record({ 'copilot:component': fc.oneof(fc.constantFrom('api', 'db'), value) }),
      value,
    ),
    DeletionPolicy: fc.oneof(fc.constantFrom('Retain', 'Delete', 'Snapshot'), value),
  },
  { requiredKeys: ['Type'] },
);

const template = fc.record(
  {
    Parameters: fc.oneof(
      fc.dictionary(
        name,
        fc.record(
          {
            Type: fc.constantFrom(
              'String',
              'Number',
              'CommaDelimitedList',
              'List<Number>',
              'AWS::SSM::Parameter::Value<String>',
            ),
            Default: value,
          },
          { requiredKeys: [] },
        ),
      ),
      value,
    ),
    Mappings: fc.oneof(fc.constant({ M: { prod: { K: 'v' }, dev: { V: 1 } } }), value),
    Conditions: fc.oneof(fc.dictionary(name, value), value),
    Resources: fc.oneof(fc.dictionary(logicalId, fc.oneof(resource, value), { maxKeys: 6 }), value),
  },
  { requiredKeys: ['Resources'] },
);

// Found by CI: a parameter whose Default is a null-prototype object once crashed the resolver.
const objectDefault = Object.assign(Object.create(null) as Record<string, unknown>, {
  'Fn::Sub': ['', {}],
});
const objectDefaultCounterexample = {
  Parameters: { Nope: { Type: 'CommaDelimitedList', Default: objectDefault } },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
  Conditions: { IsProd: { 'Fn::Sub': '${Nope}' } },
  Resources: { A: { Type: 'AWS::ApiGateway::DomainName', Condition: 'IsProd' } },
};

describe('the guardrail engine on random templates', () => {
  it('never throws, and every finding is well-formed and deterministic', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('prod', 'dev', null), (t, environment) => {
        const options = {
          context: { team: 'payments', environment, parameters: { Env: 'prod' } },
          deployment: { region: 'eu-west-1' },
        };
        const first = evaluateTemplate(t as Record<string, unknown>, options);
        for (const f of first.findings) {
          expect(['fail', 'unknown', 'waived']).toContain(f.status);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(typeof f.message).toBe('string');
          expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
        }
        const second = evaluateTemplate(structuredClone(t) as Record<string, unknown>, options);
        expect(second).toEqual(first);
      }),
      { numRuns: 150, examples: [[objectDefaultCounterexample, 'prod']] },
    );
  });

  it('parses random text into a template or a TemplateParseError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc
            .array(
              fc.constantFrom(
                'Resources:',
                '  A:',
                '    Type: X::Y::Z',
                '    Properties: !Ref',
                '  - !GetAtt',
                ' : ',
                '{',
                '[',
                // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
                '!Sub ${x}',
                '&a',
                '*a',
                '"',
              ),
              { maxLength: 8 },
            )
            .map((l) => l.join('\n')),
        ),
        (text) => {
          try {
            const parsed = parseTemplateText(text);
            expect(typeof parsed.Resources).toBe('object');
          } catch (error) {
            expect(error).toBeInstanceOf(TemplateParseError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
