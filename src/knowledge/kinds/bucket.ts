import { getAtt, ref, sub } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type Grant, type TargetRef } from '../kind-definition.ts';
import { param } from '../params.ts';
import { privateBucket } from '../s3-bucket.ts';

function bucketGrant(t: TargetRef, purpose: string, bucketActions: string[], objectActions: string[]): Grant {
  const bucket = t.logicalId('bucket');
  const statements = [statement(t.sid(`${purpose}-objects`), objectActions, [sub(`\${${bucket}.Arn}/*`)])];
  if (bucketActions.length > 0)
    statements.unshift(statement(t.sid(`${purpose}-list`), bucketActions, [getAtt(bucket, 'Arn')]));
  return { statements, env: { [`${t.envPrefix}_BUCKET`]: ref(bucket) } };
}

export default defineKind({
  kind: 'bucket',
  title: 'Bucket',
  description:
    'A private S3 bucket: SSE-KMS, all public access blocked, TLS-only policy, object ownership enforced; server access logs; versioning outside dev. Read grants Get/List on this bucket only; write grants Put/Delete on its objects. `trigger` sends its object-created events through EventBridge to a function, queue, workflow or event bus.',
  awsResources: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
  network: 'never',
  params: [
    param({
      name: 'versioning',
      type: 'boolean',
      description: 'Keep previous versions of objects (noncurrent versions expire).',
      default: { dev: false, staging: true, prod: true },
    }),
    param({
      name: 'public',
      type: 'boolean',
      description: 'Allow anonymous reads of objects (guardrails flag this; prefer a static_site or cdn).',
      default: false,
    }),
    param({
      name: 'lifecycle_days',
      type: 'integer',
      unit: 'days',
      description: 'Expire objects after this many days; null to keep.',
      default: null,
      min: 1,
      max: 36500,
    }),
    param({
      name: 'access_logs',
      type: 'boolean',
      description: 'Server access logs into a dedicated bucket.',
      default: { dev: false, staging: false, prod: true },
    }),
    param({
      name: 'storage_gb',
      type: 'number',
      unit: 'GB',
      description: 'Cost assumption: data stored.',
      default: 50,
      min: 0,
      usage: true,
    }),
    param({
      name: 'requests_per_month',
      type: 'integer',
      unit: 'requests/month',
      description: 'Cost assumption: GET requests per month (PUTs assumed a tenth).',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      read: (t) => bucketGrant(t, 'read', ['s3:ListBucket'], ['s3:GetObject']),
      write: (t) =>
        bucketGrant(t, 'write', [], ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject']),
      readwrite: (t) =>
        bucketGrant(
          t,
          'read-write',
          ['s3:ListBucket'],
          ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        ),
    },
  },
  expand(ctx) {
    return privateBucket(ctx, {
      role: 'bucket',
      versioning: ctx.params.versioning as boolean,
      lifecycleDays: ctx.params.lifecycle_days as number | null,
      accessLogs: ctx.params.access_logs as boolean,
      eventBridge: ctx.inbound.features.includes('eventbridge-notifications'),
      public: ctx.params.public as boolean,
      sseS3: ctx.inbound.features.includes('cloudfront-origin'),
      policyStatements: ctx.inbound.resourcePolicy,
    });
  },
});
