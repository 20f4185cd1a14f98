import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, defaultPolicySource } from '../../src/guardrails/policy/default-policy.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';
import { PolicyInvalidError } from '../../src/guardrails/policy/policy-invalid-error.ts';
import type { PolicyIssue } from '../../src/guardrails/policy/policy-invalid-error.ts';
import { builtInRules } from '../../src/guardrails/rules/index.ts';

function issuesOf(text: string, knownRules = builtInRules): PolicyIssue[] {
  try {
    parsePolicy(text, { source: 'draft.yaml', knownRules });
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalidError);
    return [...(error as PolicyInvalidError).issues];
  }
  throw new Error('expected the policy to be invalid');
}

describe('parsePolicy', () => {
  it('reads settings in single and list form, scoped by team and environment', () => {
    const policy = parsePolicy(
      [
        'version: 1',
        'waivers: { maxDays: 30 }',
        'rules:',
        '  allowed-regions:',
        '    params: { regions: [eu-west-1] }',
        '  orphan-component:',
        '    - severity: info',
        '    - when: { environments: [prod], teams: [payments] }',
        '      severity: error',
      ].join('\n'),
      { source: 'p.yaml', knownRules: builtInRules },
    );
    expect(policy.waivers.maxDays).toBe(30);
    expect(policy.rules['allowed-regions']).toEqual([{ params: { regions: ['eu-west-1'] } }]);
    expect(policy.rules['orphan-component']).toEqual([
      { severity: 'info' },
      { severity: 'error', when: { environments: ['prod'], teams: ['payments'] } },
    ]);
  });

  it('defaults waivers.maxDays to 90', () => {
    expect(parsePolicy('version: 1\n', { source: 'p.yaml' }).waivers.maxDays).toBe(90);
  });

  it('names the line, column and path of a bad severity', () => {
    const issues = issuesOf(['version: 1', 'rules:', '  allowed-regions:', '    severity: fatal'].join('\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 4,
      path: 'rules.allowed-regions.severity',
      source: 'draft.yaml',
    });
    expect(issues[0]?.column).toBe(15);
    expect(issues[0]?.message).toMatch(/error|warning|info/);
  });

  it('points at an unknown field by its key', () => {
    const issues = issuesOf(['version: 1', 'rules:', '  allowed-regions:', '    enabld: false'].join('\n'));
    expect(issues[0]).toMatchObject({ line: 4, column: 5, path: 'rules.allowed-regions.enabld' });
    expect(issues[0]?.message).toContain('unknown field "enabld"');
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf(['version: 1', 'rules:', '  a: [1, 2', 'b: c'].join('\n'));
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3);
    expect(issues[0]?.path).toBe('');
  });

  it('reports condition errors deep in a custom rule with their path and line', () => {
    const text = [
      'version: 1',
      'customRules:',
      '  - id: tagged-buckets',
      '    title: Buckets are tagged',
      '    severity: warning',
      '    rationale: Cost allocation needs tags.',
      '    remediation: Add tags.',
      '    resourceType: AWS::S3::Bucket',
      '    condition:',
      '      and:',
      '        - exists: Tags',
      '        - matches: { path: BucketName, pattern: "(a+)+$" }',
      '        - betwixt: { path: X }',
    ].join('\n');
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [12, 'customRules[0].condition.and[1].matches.pattern'],
      [13, 'customRules[0].condition.and[2].betwixt'],
    ]);
    expect(issues[0]?.message).toMatch(/backtrack/);
    expect(issues[1]?.message).toMatch(/unknown operator "betwixt"/);
  });

  it('refuses connected_to in a template rule and both or neither target', () => {
    const base = ['version: 1', 'customRules:', '  - id: x-rule', '    title: t', '    severity: info'];
    const meta = ['    rationale: r', '    remediation: m'];
    const a = issuesOf(
      [
        ...base,
        ...meta,
        '    resourceType: AWS::S3::Bucket',
        '    condition:',
        '      connected_to: { kind: postgres }',
      ].join('\n'),
    );
    expect(a[0]?.message).toMatch(/componentKind rules/);
    expect(a[0]?.line).toBe(10);
    const b = issuesOf([...base, ...meta, '    condition: { exists: A }'].join('\n'));
    expect(b[0]?.message).toMatch(/exactly one of "resourceType"/);
    expect(b[0]?.line).toBe(3);
  });

  it('checks rule ids and params against the known rules', () => {
    const issues = issuesOf(
      [
        'version: 1',
        'rules:',
        '  no-such-rule: { enabled: false }',
        '  allowed-regions:',
        '    params: { regions: us-east-1 }',
        '  prod-compute-min-desired-count:',
        '    - params: { minCount: 2 }',
        '    - when: { teams: [x] }',
        '      params: { minCount: 0 }',
      ].join('\n'),
    );
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [3, 'rules.no-such-rule'],
      [5, 'rules.allowed-regions.params.regions'],
      [9, 'rules.prod-compute-min-desired-count[1].params.minCount'],
    ]);
  });

  it('refuses a custom rule that reuses a built-in id', () => {
    const issues = issuesOf(
      [
        'version: 1',
        'customRules:',
        '  - id: allowed-regions',
        '    title: t',
        '    severity: info',
        '    rationale: r',
        '    remediation: m',
        '    componentKind: bucket',
        '    condition: { exists: params.public }',
      ].join('\n'),
    );
    expect(issues[0]).toMatchObject({ line: 3, path: 'customRules[0].id' });
  });

  it('reads several YAML documents in one text as one policy, in order', () => {
    const policy = parsePolicy(
      'version: 1\nrules:\n  orphan-component: { severity: info }\n---\nversion: 1\nwaivers: { maxDays: 10 }\nrules:\n  orphan-component: { enabled: false }\n',
      { source: 'set' },
    );
    expect(policy.rules['orphan-component']).toEqual([{ severity: 'info' }, { enabled: false }]);
    expect(policy.waivers.maxDays).toBe(10);
  });

  it('loads the org policy in guardrails/, which names its schema', async () => {
    const policy = await defaultPolicySource();
    expect(policy.rules['allowed-regions']?.[0]?.params).toMatchObject({
      regions: expect.arrayContaining(['us-east-1']),
    });
    const compiled = await defaultPolicy();
    expect(compiled.version).toBe(0);
    expect(compiled.waiverMaxDays).toBe(90);
    expect(compiled.customRules.map((r) => r.id)).toContain('prod-cache-failover');
    const text = readFileSync(join(import.meta.dirname, '../../guardrails/org-policy.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
    // The org policy is valid against the built-in pack too.
    expect(() => parsePolicy(text, { source: 'org-policy.yaml', knownRules: builtInRules })).not.toThrow();
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../guardrails/policy.schema.json'), 'utf8'),
    );
    expect(Object.keys(schema.properties).sort()).toEqual([
      'customRules',
      'deployment',
      'inlineSuppressions',
      'rules',
      'version',
      'waivers',
    ]);
  });
});
