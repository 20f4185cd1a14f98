import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/index.ts';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import type { CompiledPolicy } from '../../src/guardrails/policy-contract.ts';
import { defaultPolicy } from '../../src/guardrails/policy/default-policy.ts';
import { expandArchitecture, validAccessModes } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import type { ComponentKind, Environment } from '../../src/model/kinds.ts';
import { COMPONENT_KINDS, ENVIRONMENTS } from '../../src/model/kinds.ts';

/**
 * The only error or warning findings the knowledge base's own output may carry: each one the requester
 * can act on from chat, on the kinds and in the environments where the default leaves it for them to
 * decide, with how they act on it beside it. Anything else is a generator (or rule) bug.
 */
const ACTIONABLE: Record<string, { kinds: ComponentKind[]; environments: Environment[]; how: string }> = {
  'dynamodb-deletion-protection': {
    kinds: ['kv_table'],
    environments: ['dev', 'staging'],
    how: 'on in prod by default; "protect the orders table" sets deletion_protection: true',
  },
  'dynamodb-retain-on-delete': {
    kinds: ['kv_table'],
    environments: ['dev', 'staging'],
    how: 'a protected table is retained: deletion_protection: true',
  },
  'rds-deletion-protection': {
    kinds: ['postgres', 'mysql'],
    environments: ['dev', 'staging'],
    how: 'on in prod by default; deletion_protection: true',
  },
  'rds-multi-az': {
    kinds: ['postgres', 'mysql'],
    environments: ['dev', 'staging'],
    how: 'single-AZ outside prod to save cost; "make the database multi-AZ" sets multi_az: true',
  },
  'elbv2-deletion-protection': {
    kinds: ['load_balancer'],
    environments: ['dev', 'staging'],
    how: 'on in prod by default; deletion_protection: true',
  },
  's3-bucket-versioning': {
    kinds: ['bucket'],
    environments: ['dev'],
    how: 'off in dev by default; "keep old versions" sets versioning: true',
  },
  's3-bucket-logging': {
    kinds: ['bucket'],
    environments: ['dev', 'staging'],
    how: 'on in prod by default; access_logs: true',
  },
  'elasticache-multi-az': {
    kinds: ['cache'],
    environments: ['dev', 'staging'],
    how: 'one node outside prod to save cost; nodes: 2 turns on failover',
  },
  'opensearch-zone-awareness': {
    kinds: ['search'],
    environments: ['dev'],
    how: 'one node in dev to save cost; nodes: 2 spreads the domain over two AZs',
  },
  'opensearch-slow-logs': {
    kinds: ['search'],
    environments: ['dev', 'staging'],
    how: 'on in prod by default (log ingestion costs); slow_logs: true',
  },
  'secretsmanager-rotation': {
    kinds: ['secret', 'cache'],
    environments: ['dev', 'staging', 'prod'],
    how: 'rotation needs code that knows the credential: "rotate it every 30 days" sets rotation_days, and the rotation function is asked for at deploy',
  },
  'cloudfront-tls12': {
    kinds: ['static_site', 'cdn'],
    environments: ['dev', 'staging', 'prod'],
    how: 'the default *.cloudfront.net certificate accepts TLS 1.0 and cannot be changed; giving the site a domain (a dns component routing to it) brings an ACM certificate with TLSv1.2_2021',
  },
  'cloudfront-waf': {
    kinds: ['static_site', 'cdn'],
    environments: ['dev', 'staging', 'prod'],
    how: 'a web ACL is an org-wide resource with its own cost: web_acl_arn attaches one',
  },
  'cognito-user-pool-mfa': {
    kinds: ['user_pool'],
    environments: ['dev', 'staging'],
    how: 'required in prod by default; "require MFA" sets mfa: ON',
  },
  'queue-has-consumer': {
    kinds: ['queue'],
    environments: ['dev', 'staging', 'prod'],
    how: 'a queue on its own: "a worker processes the jobs" connects a consumer',
  },
};

let policy: CompiledPolicy;
beforeAll(async () => {
  policy = await defaultPolicy();
});

const id = (kind: string) => kind.replace(/_/g, '-');

/** Error and warning findings on the generated output that the allow-list does not explain. */
function unexplained(architecture: Architecture): string[] {
  const template = expandArchitecture(architecture);
  const cost = estimateCost(architecture, template);
  const options = {
    policy,
    context: { team: architecture.team, environment: architecture.environment, now: new Date('2026-11-23') },
    deployment: { region: architecture.region },
    cost: { total: cost.total, byComponent: cost.byComponent },
  };
  const kindOf = new Map(architecture.components.map((c) => [c.id, c.kind]));
  const environment = architecture.environment ?? 'dev';
  const findings = [
    ...evaluateArchitecture(architecture, options).findings,
    ...evaluateTemplate(template as unknown as Record<string, unknown>, options).findings,
  ];
  return findings
    .filter((f) => f.severity !== 'info' && f.status !== 'waived')
    .filter((f) => {
      const allowed = ACTIONABLE[f.ruleId];
      const kind = f.component === undefined ? undefined : kindOf.get(f.component);
      return !(allowed && kind && allowed.kinds.includes(kind) && allowed.environments.includes(environment));
    })
    .map((f) => `${f.ruleId} (${f.severity}, ${f.status}) on ${f.resource ?? f.component}: ${f.message}`);
}

const architecture = (
  environment: Environment,
  components: Architecture['components'],
  connections: Architecture['connections'] = [],
): Architecture => ({
  name: 'shop',
  team: 'payments',
  environment,
  region: 'us-east-1',
  components,
  connections,
});

describe('the tool’s own output passes its own rules', () => {
  it('every reason in the allow-list says how to act on it', () => {
    for (const entry of Object.values(ACTIONABLE)) expect(entry.how.length).toBeGreaterThan(20);
  });

  for (const environment of ENVIRONMENTS) {
    it(`every kind in ${environment}`, () => {
      const failures = COMPONENT_KINDS.flatMap((kind) =>
        unexplained(architecture(environment, [{ id: id(kind), kind, params: {} }])).map(
          (f) => `${kind}: ${f}`,
        ),
      );
      expect(failures).toEqual([]);
    });
  }

  for (const environment of ['dev', 'prod'] as const) {
    it(`every valid pair in ${environment}`, () => {
      const failures: string[] = [];
      for (const from of COMPONENT_KINDS)
        for (const to of COMPONENT_KINDS)
          for (const access of validAccessModes(from, to)) {
            const a = architecture(
              environment,
              [
                { id: `${id(from)}-a`, kind: from, params: {} },
                { id: `${id(to)}-b`, kind: to, params: {} },
              ],
              [{ from: `${id(from)}-a`, to: `${id(to)}-b`, access }],
            );
            for (const f of unexplained(a)) failures.push(`${from} -${access}-> ${to}: ${f}`);
          }
      expect(failures).toEqual([]);
    });
  }

  it('a static site with a domain gets TLS 1.2 and no cloudfront-tls12 finding', () => {
    const site = architecture(
      'prod',
      [
        { id: 'site', kind: 'static_site', params: {} },
        {
          id: 'domain',
          kind: 'dns',
          params: { domain_name: 'example.com', hosted_zone_id: 'Z0123456789ABC' },
        },
      ],
      [{ from: 'domain', to: 'site', access: 'route' }],
    );
    expect(unexplained(site).filter((f) => f.startsWith('cloudfront-tls12'))).toEqual([]);
  });

  it('a new stack of every kind lists each broadened permission once, and no deny-all egress', () => {
    for (const environment of ENVIRONMENTS)
      for (const kind of COMPONENT_KINDS) {
        const template = expandArchitecture(architecture(environment, [{ id: id(kind), kind, params: {} }]));
        const reasons = diffTemplates(null, template as never).permissionsBroadenedReasons;
        expect(new Set(reasons).size, `${kind} in ${environment}`).toBe(reasons.length);
        expect(
          reasons.filter((r) => r.includes('255.255.255.255')),
          `${kind} in ${environment}`,
        ).toEqual([]);
        expect(
          reasons.filter((r) => r.includes('{"')),
          `${kind} in ${environment}`,
        ).toEqual([]);
      }
  });
});
