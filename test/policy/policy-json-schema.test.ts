import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';

const root = join(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'guardrails/policy.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** Editors (JSON Schema) and the server (parsePolicy) must agree on what a valid policy is. */
function verdicts(text: string): { schema: boolean; server: boolean } {
  let server = true;
  try {
    parsePolicy(text, { source: 't' });
  } catch {
    server = false;
  }
  return { schema: validate(parse(text)) === true, server };
}

describe('guardrails/policy.schema.json', () => {
  it('accepts the org policy', () => {
    const text = readFileSync(join(root, 'guardrails/org-policy.yaml'), 'utf8');
    expect(verdicts(text)).toEqual({ schema: true, server: true });
  });

  it.each([
    ['a severity that does not exist', 'version: 1\nrules:\n  x-rule: { severity: fatal }\n'],
    ['an unknown top-level field', 'version: 1\nrulez: {}\n'],
    ['a wrong format version', 'version: 2\n'],
    ['an unknown environment in when', 'version: 1\nrules:\n  x-rule: { when: { environments: [qa] } }\n'],
    [
      'two operators in one condition',
      'version: 1\ncustomRules:\n  - { id: a-b, title: t, severity: info, rationale: r, remediation: m, resourceType: AWS::S3::Bucket, condition: { exists: A, absent: B } }\n',
    ],
    [
      'a custom rule without a target',
      'version: 1\ncustomRules:\n  - { id: a-b, title: t, severity: info, rationale: r, remediation: m, condition: { exists: A } }\n',
    ],
    [
      'an unknown component kind',
      'version: 1\ncustomRules:\n  - { id: a-b, title: t, severity: info, rationale: r, remediation: m, componentKind: mainframe, condition: { exists: id } }\n',
    ],
  ])('rejects %s, as the server does', (_, text) => {
    expect(verdicts(text)).toEqual({ schema: false, server: false });
  });

  it('accepts every operator, as the server does', () => {
    const text = `version: 1
customRules:
  - id: every-op
    title: t
    severity: warning
    rationale: r
    remediation: m
    resourceType: [AWS::S3::Bucket]
    where: { absent: { path: Nope } }
    condition:
      and:
        - exists: BucketName
        - equals: { path: A, value: 1 }
        - in: { path: A, values: [1, 2] }
        - matches: { path: B, pattern: '^x', flags: i }
        - gt: { path: C, value: 1 }
        - gte: { path: C, value: 1 }
        - lt: { path: C, value: 9 }
        - lte: { path: C, value: 9 }
        - contains: { path: D, value: x }
        - all: { path: E, condition: { exists: K } }
        - any: { path: E, condition: { equals: { value: 3 } } }
        - none: { path: E, condition: { not: { exists: K } } }
        - or: [ { exists: F }, { absent: G } ]
        - referenced_by: { type: AWS::S3::BucketPolicy, condition: { exists: PolicyDocument } }
  - id: arch-op
    title: t
    severity: info
    rationale: r
    remediation: m
    componentKind: queue
    condition: { connected_to: { kind: [worker, function], access: consume, direction: in } }
`;
    expect(verdicts(text)).toEqual({ schema: true, server: true });
  });
});
