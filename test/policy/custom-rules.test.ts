import { describe, expect, it } from 'vitest';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { compilePolicy } from '../../src/guardrails/policy/compile-policy.ts';
import { parsePolicy } from '../../src/guardrails/policy/parse-policy.ts';
import type { Finding } from '../../src/guardrails/rule.ts';
import type { Architecture } from '../../src/model/architecture.ts';

const META = `title: Custom check
    severity: error
    rationale: Because the org says so.
    remediation: Do the right thing.
    references: [ORG-1]`;

/** A policy with one custom template rule on AWS::S3::Bucket with the given condition (YAML, 6-space indent). */
function templateRule(condition: string, extra = ''): ReturnType<typeof compilePolicy> {
  const text = `version: 1
customRules:
  - id: custom-check
    ${META}
    resourceType: [AWS::S3::Bucket]
${extra}    condition:
${condition}
`;
  return compilePolicy(parsePolicy(text, { source: 'test' }), 7);
}

function bucketTemplate(props: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    Parameters: { Env: { Type: 'String', Default: 'prod' } },
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Bucket: { Type: 'AWS::S3::Bucket', Properties: props },
      ...extra,
    },
  };
}

function check(
  condition: string,
  props: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Finding[] {
  const policy = templateRule(condition);
  return evaluateTemplate(bucketTemplate(props, extra), {
    policy,
    rules: policy.customRules,
    context: { team: 'payments', environment: 'prod' },
  }).findings;
}

/** 'pass' | 'fail' | 'unknown' for the bucket. */
function outcome(condition: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const findings = check(condition, props, extra).filter((f) => f.resource === 'Bucket');
  return findings.length === 0 ? 'pass' : (findings[0]?.status ?? 'pass');
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub string
const SUB = '${Env}-x';
const GETATT = { 'Fn::GetAtt': ['Key', 'Arn'] };

describe('custom template rules', () => {
  it('exists / absent (a symbolic value is set)', () => {
    expect(outcome('      exists: BucketName', { BucketName: 'a' })).toBe('pass');
    expect(outcome('      exists: BucketName', {})).toBe('fail');
    expect(outcome('      exists: BucketName', { BucketName: GETATT })).toBe('pass');
    expect(outcome('      absent: { path: BucketName }', {})).toBe('pass');
    expect(outcome('      absent: BucketName', { BucketName: 'a' })).toBe('fail');
  });

  it('equals / in, resolving Ref to parameters; unknown on GetAtt', () => {
    expect(
      outcome('      equals: { path: BucketName, value: prod-x }', { BucketName: { 'Fn::Sub': SUB } }),
    ).toBe('pass');
    expect(
      outcome('      equals: { path: BucketName, value: dev-x }', { BucketName: { 'Fn::Sub': SUB } }),
    ).toBe('fail');
    expect(outcome('      equals: { path: BucketName, value: a }', { BucketName: GETATT })).toBe('unknown');
    expect(
      outcome('      in: { path: AccelerateConfiguration.AccelerationStatus, values: [Enabled] }', {}),
    ).toBe('fail');
    expect(
      outcome('      in: { path: VersioningConfiguration.Status, values: [Enabled, Suspended] }', {
        VersioningConfiguration: { Status: 'Suspended' },
      }),
    ).toBe('pass');
  });

  it('matches, with the actual and expected value in the message', () => {
    expect(
      outcome("      matches: { path: BucketName, pattern: '^acme-' }", { BucketName: 'acme-logs' }),
    ).toBe('pass');
    const [finding] = check("      matches: { path: BucketName, pattern: '^acme-' }", { BucketName: 'logs' });
    expect(finding?.message).toBe('Custom check: BucketName is "logs"; expected a string matching /^acme-/.');
    expect(finding?.path).toBe('/Resources/Bucket/Properties/BucketName');
    expect(finding?.references).toEqual(['ORG-1']);
    expect(
      outcome("      matches: { path: BucketName, pattern: 'ACME', flags: i }", { BucketName: 'acme' }),
    ).toBe('pass');
    expect(outcome("      matches: { path: BucketName, pattern: '^a' }", { BucketName: GETATT })).toBe(
      'unknown',
    );
  });

  it('numeric comparisons accept numbers and numeric strings', () => {
    const props = { ObjectLockConfiguration: { Rule: { DefaultRetention: { Days: '30' } } } };
    const path = 'ObjectLockConfiguration.Rule.DefaultRetention.Days';
    expect(outcome(`      gte: { path: ${path}, value: 30 }`, props)).toBe('pass');
    expect(outcome(`      gt: { path: ${path}, value: 30 }`, props)).toBe('fail');
    expect(outcome(`      lt: { path: ${path}, value: 31 }`, props)).toBe('pass');
    expect(outcome(`      lte: { path: ${path}, value: 29 }`, props)).toBe('fail');
    expect(outcome(`      lte: { path: ${path}, value: 29 }`, {})).toBe('fail');
  });

  it('contains on lists and strings', () => {
    const tags = { Tags: [{ Key: 'team', Value: 'payments' }] };
    expect(outcome('      contains: { path: Tags, value: { Key: team, Value: payments } }', tags)).toBe(
      'pass',
    );
    expect(outcome('      contains: { path: Tags, value: { Key: team, Value: web } }', tags)).toBe('fail');
    expect(outcome('      contains: { path: BucketName, value: logs }', { BucketName: 'acme-logs' })).toBe(
      'pass',
    );
  });

  it('all / any / none over list items keep unknown per item', () => {
    const rules = {
      CorsConfiguration: {
        CorsRules: [
          { AllowedMethods: ['GET'], AllowedOrigins: ['https://a.example'] },
          { AllowedMethods: ['GET'], AllowedOrigins: [GETATT] },
        ],
      },
    };
    const list = 'CorsConfiguration.CorsRules';
    const noStar = `      all:\n        path: ${list}\n        condition: { none: { path: AllowedOrigins, condition: { equals: { value: '*' } } } }`;
    expect(outcome(noStar, rules)).toBe('unknown');
    expect(
      outcome(noStar, {
        CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] },
      }),
    ).toBe('fail');
    const [finding] = check(noStar, {
      CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['https://x', '*'] }] },
    });
    expect(finding?.path).toBe('/Resources/Bucket/Properties/CorsConfiguration/CorsRules/0/AllowedOrigins/1');
    // any: one known item decides even when another is unknown
    const anyA = `      any:\n        path: ${list}\n        condition: { contains: { path: AllowedOrigins, value: 'https://a.example' } }`;
    expect(outcome(anyA, rules)).toBe('pass');
    expect(outcome(anyA, {})).toBe('fail');
    // all over an absent list holds
    expect(outcome(`      all: { path: ${list}, condition: { exists: AllowedMethods } }`, {})).toBe('pass');
    expect(outcome(`      all: { path: BucketName, condition: { exists: . } }`, { BucketName: 'x' })).toBe(
      'fail',
    );
  });

  it('and / or / not in three-valued logic', () => {
    const props = { BucketName: GETATT, VersioningConfiguration: { Status: 'Enabled' } };
    const v = 'equals: { path: VersioningConfiguration.Status, value: Enabled }';
    const n = "matches: { path: BucketName, pattern: '^x' }";
    const off = 'equals: { path: VersioningConfiguration.Status, value: Suspended }';
    expect(outcome(`      and: [ { ${v} }, { ${n} } ]`, props)).toBe('unknown');
    expect(outcome(`      and: [ { ${off} }, { ${n} } ]`, props)).toBe('fail');
    expect(outcome(`      or: [ { ${v} }, { ${n} } ]`, props)).toBe('pass');
    expect(outcome(`      or: [ { ${off} }, { ${n} } ]`, props)).toBe('unknown');
    expect(outcome(`      or: [ { ${off} }, { exists: Nope } ]`, props)).toBe('fail');
    expect(outcome(`      not: { ${off} }`, props)).toBe('pass');
    expect(outcome(`      not: { ${v} }`, props)).toBe('fail');
    expect(outcome(`      not: { ${n} }`, props)).toBe('unknown');
  });

  it('referenced_by finds a referencing resource of a type satisfying a condition', () => {
    const sslOnly = {
      Policy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'Bucket' },
          PolicyDocument: {
            Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
          },
        },
      },
    };
    const cond = `      referenced_by:\n        type: AWS::S3::BucketPolicy\n        condition: { any: { path: PolicyDocument.Statement, condition: { equals: { path: Effect, value: Deny } } } }`;
    expect(outcome(cond, {}, sslOnly)).toBe('pass');
    expect(outcome(cond, {})).toBe('fail');
    expect(outcome('      referenced_by: { type: AWS::S3::BucketPolicy }', {}, sslOnly)).toBe('pass');
    expect(outcome('      referenced_by: { type: [AWS::SNS::Topic] }', {}, sslOnly)).toBe('fail');
  });

  it('$ paths read resource attributes; where filters applicability', () => {
    expect(outcome('      equals: { path: $DeletionPolicy, value: Retain }', {})).toBe('fail');
    const policy = templateRule(
      '      equals: { path: $DeletionPolicy, value: Retain }',
      "    where: { matches: { path: BucketName, pattern: '^prod-' } }\n",
    );
    const template = bucketTemplate({ BucketName: 'dev-x' });
    const run = (t: Record<string, unknown>) =>
      evaluateTemplate(t, { policy, rules: policy.customRules, context: { team: null, environment: null } })
        .findings;
    expect(run(template)).toEqual([]);
    const prod = bucketTemplate({ BucketName: 'prod-x' });
    expect(run(prod).map((f) => f.status)).toEqual(['fail']);
    const retained = bucketTemplate({ BucketName: 'prod-x' });
    (retained.Resources.Bucket as Record<string, unknown>).DeletionPolicy = 'Retain';
    expect(run(retained)).toEqual([]);
    expect(run(bucketTemplate({ BucketName: GETATT })).map((f) => f.status)).toEqual(['unknown']);
  });

  it('custom rules obey policy settings like built-ins (severity override, disable, team scope)', () => {
    const text = `version: 1
rules:
  custom-check:
    - severity: info
    - when: { teams: [web] }
      enabled: false
customRules:
  - id: custom-check
    ${META}
    resourceType: AWS::S3::Bucket
    condition: { exists: BucketName }
`;
    const policy = compilePolicy(parsePolicy(text, { source: 't' }));
    const template = bucketTemplate({});
    const payments = evaluateTemplate(template, {
      policy,
      context: { team: 'payments', environment: 'dev' },
    });
    expect(payments.findings.find((f) => f.ruleId === 'custom-check')?.severity).toBe('info');
    const web = evaluateTemplate(template, { policy, context: { team: 'web', environment: 'dev' } });
    expect(web.findings.find((f) => f.ruleId === 'custom-check')).toBeUndefined();
  });
});

describe('custom architecture rules', () => {
  const architecture: Architecture = {
    name: 'orders',
    team: 'payments',
    environment: 'prod',
    region: 'us-east-1',
    components: [
      { id: 'api', kind: 'function', params: { memory_mb: 512 } },
      { id: 'orders-db', kind: 'postgres', params: { deletion_protection: false, tags: ['pci', 'gold'] } },
      { id: 'jobs', kind: 'queue', params: {} },
    ],
    connections: [
      { from: 'api', to: 'orders-db', access: 'readwrite' },
      { from: 'api', to: 'jobs', access: 'publish' },
    ],
  };
  function run(kind: string, condition: string, arch = architecture, where = ''): Finding[] {
    const text = `version: 1
customRules:
  - id: arch-check
    ${META}
    componentKind: ${kind}
${where}    condition:
${condition}
`;
    const policy = compilePolicy(parsePolicy(text, { source: 'test' }));
    return evaluateArchitecture(arch, {
      policy,
      rules: policy.customRules,
      context: { team: null, environment: null },
    }).findings;
  }

  it('connected_to by kind, access and direction', () => {
    expect(run('function', '      connected_to: { kind: postgres }')).toEqual([]);
    expect(run('function', '      connected_to: { kind: postgres, access: read }')).toHaveLength(1);
    expect(run('postgres', '      connected_to: { kind: function, direction: out }')).toHaveLength(1);
    expect(run('postgres', '      connected_to: { kind: function, direction: in }')).toEqual([]);
    const [orphanQueue] = run('queue', '      connected_to: { access: [consume], direction: in }');
    expect(orphanQueue).toMatchObject({ component: 'jobs', status: 'fail', path: '/components/2' });
  });

  it('params, $architecture fields and list operators on components', () => {
    const [f] = run(
      '[postgres, mysql]',
      '      not: { equals: { path: params.deletion_protection, value: false } }',
      architecture,
      '    where: { equals: { path: $architecture.environment, value: prod } }\n',
    );
    expect(f).toMatchObject({ component: 'orders-db', status: 'fail', severity: 'error' });
    expect(f?.message).toContain('params.deletion_protection equals false holds; expected it not to');
    const dev = { ...architecture, environment: 'dev' as const };
    expect(
      run(
        'postgres',
        '      not: { equals: { path: params.deletion_protection, value: false } }',
        dev,
        '    where: { equals: { path: $architecture.environment, value: prod } }\n',
      ),
    ).toEqual([]);
    expect(run('postgres', '      any: { path: params.tags, condition: { in: { values: [pci] } } }')).toEqual(
      [],
    );
    expect(run('function', '      lte: { path: params.memory_mb, value: 256 }')[0]?.path).toBe(
      '/components/0/params/memory_mb',
    );
  });
});
