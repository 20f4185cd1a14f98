import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/index.ts';
import { evaluateArchitecture, evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { defaultPolicy } from '../../src/guardrails/policy/default-policy.ts';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { GOLDEN_ARCHITECTURES } from './architectures.ts';

/** The five architectures of issue 11. */
const ISSUE_11 = [
  'api-queue-worker',
  'api-step-functions',
  'dynamodb-stream-email',
  's3-eventbridge-sns',
  'kinesis-firehose-s3-opensearch',
];

const golden = (name: string): Architecture => GOLDEN_ARCHITECTURES[name]!;

describe('golden architectures pass the org policy at error level', () => {
  for (const name of Object.keys(GOLDEN_ARCHITECTURES)) {
    it(name, async () => {
      const architecture = golden(name);
      const template = expandArchitecture(architecture);
      const cost = estimateCost(architecture, template);
      const options = {
        policy: await defaultPolicy(),
        context: { team: architecture.team, environment: architecture.environment, now: new Date() },
        deployment: { region: architecture.region },
        cost: { total: cost.total, byComponent: cost.byComponent },
      };
      const findings = [
        ...evaluateArchitecture(architecture, options).findings,
        ...evaluateTemplate(template as unknown as Record<string, unknown>, options).findings,
      ];
      const blocking = findings
        .filter((f) => f.severity === 'error' && f.status === 'fail')
        .map((f) => `${f.ruleId} ${f.resource ?? f.component}: ${f.message}`);
      expect(blocking).toEqual([]);
    });
  }

  it('includes the five architectures of issue 11', () => {
    for (const name of ISSUE_11) expect(GOLDEN_ARCHITECTURES[name], name).toBeDefined();
  });
});

describe('golden cost figures, computed by hand', () => {
  const estimate = (name: string) => estimateCost(golden(name), expandArchitecture(golden(name)));
  const monthly = (cost: ReturnType<typeof estimate>, logicalId: string) =>
    cost.resources.find((r) => r.logicalId === logicalId)?.monthly;

  it('DynamoDB stream → Lambda → SES (prod, us-east-1)', () => {
    const cost = estimate('dynamodb-stream-email');
    // Table: 10M reads × $0.125/M + 1M writes × $0.625/M + 10 GB × $0.25 + PITR 10 GB × $0.20 = 6.375
    expect(monthly(cost, 'UsersTable')).toBeCloseTo(6.375, 4);
    // Function: 1M requests × $0.20/M + 1M × 0.2 s × 0.5 GB = 100,000 GB-s × $0.0000133334 (arm64) = 1.53334
    expect(monthly(cost, 'SendWelcomeFunction')).toBeCloseTo(1.53334, 4);
    // SES: 10,000 emails × $0.10/1,000 = 1.00
    expect(monthly(cost, 'MailIdentity')).toBeCloseTo(1.0, 4);
    // The failure queue only holds what fails: not charged up front (listed at $0, with the reason).
    expect(monthly(cost, 'SendWelcomeSourceUsersFailures')).toBe(0);
    expect(cost.total).toBeCloseTo(6.375 + 1.53334 + 1.0, 2); // 8.91
    // Log volume is unknown: listed as not estimated (a stated assumption), never counted as zero.
    expect(cost.unpriced).toEqual([]);
    expect(cost.notEstimated.map((u) => u.logicalId)).toEqual(['SendWelcomeLogGroup']);
  });

  it('S3 → EventBridge → SNS (prod, us-east-1)', () => {
    const cost = estimate('s3-eventbridge-sns');
    // Bucket: 50 GB × $0.023 + 1M GET × $0.0004/1k + 100k PUT × $0.005/1k = 1.15 + 0.40 + 0.50 = 2.05
    expect(monthly(cost, 'IncomingBucket')).toBeCloseTo(2.05, 4);
    // Bus: 1M events × $1.00/M = 1.00
    expect(monthly(cost, 'EventsBus')).toBeCloseTo(1.0, 4);
    // Topic: 1M publishes × $0.50/M = 0.50, and its own KMS key (EventBridge publishes to it): $1.00
    expect(monthly(cost, 'NewUploadTopic')).toBeCloseTo(0.5, 4);
    expect(monthly(cost, 'NewUploadKey')).toBeCloseTo(1.0, 4);
    expect(cost.total).toBeCloseTo(2.05 + 1.0 + 0.5 + 1.0, 2); // 4.55
    expect(cost.unpriced).toEqual([]);
    expect(cost.notEstimated.map((u) => u.logicalId).sort()).toEqual([
      'EventsArchive',
      'IncomingBucketAccessLogs',
    ]);
  });
});
