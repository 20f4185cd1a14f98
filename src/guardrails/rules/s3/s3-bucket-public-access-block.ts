import { defineTemplateRule } from '../../rule.ts';

const SETTINGS = [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
] as const;

export default defineTemplateRule({
  id: 's3-bucket-public-access-block',
  title: 'S3 buckets block all public access',
  severity: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale:
    'The public access block stops ACLs and bucket policies from making objects public, the most common cause of data leaks from S3.',
  remediation:
    'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true; serve public content through CloudFront.',
  references: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AwsSolutions-S2'],
  check(resource) {
    const off: string[] = [];
    for (const setting of SETTINGS) {
      const path = `PublicAccessBlockConfiguration.${setting}`;
      const value = resource.get(path);
      if (!value.known) return { status: 'unknown', reason: value.reason, path };
      if (value.value !== true && value.value !== 'true') off.push(setting);
    }
    if (off.length === 0) return { status: 'pass' };
    return {
      status: 'fail',
      message: `Public access is not fully blocked: ${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} not true; expected all four settings true.`,
      path: 'PublicAccessBlockConfiguration',
      actual: { notTrue: off },
      expected: Object.fromEntries(SETTINGS.map((s) => [s, true])),
    };
  },
  fix: {
    description: 'block all public access',
    safe: true,
    patch: (resource) => [
      {
        op: 'add',
        path: resource.pointerOf('PublicAccessBlockConfiguration'),
        value: Object.fromEntries(SETTINGS.map((s) => [s, true])),
      },
    ],
  },
});
