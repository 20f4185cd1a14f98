import { type CfnObject, type CfnValue, getAtt, ref, sub } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { logBucket, logBucketPolicy } from './log-bucket.ts';
import { denyInsecureTransport } from './tls-only.ts';

interface BucketOptions {
  role: string;
  versioning: boolean;
  lifecycleDays: number | null;
  /** Extra statements for the bucket policy (an origin access control grant, say). */
  policyStatements?: CfnObject[];
  eventBridge?: boolean;
  /** Access logging into a dedicated bucket (`<role>-access-logs`). */
  accessLogs: boolean;
  /** Anonymous object reads (honoured so guardrails can flag it; never a default). */
  public?: boolean;
  /** SSE-S3 instead of SSE-KMS (CloudFront origin access control cannot use the AWS managed KMS key). */
  sseS3?: boolean;
}

/**
 * A private bucket: SSE-KMS with bucket keys, all public access blocked, owner-enforced object ownership,
 * TLS-only bucket policy, abort of incomplete uploads; versioning and access logs as asked.
 */
export function privateBucket(ctx: KindContext, options: BucketOptions): Record<string, ResourceDraft> {
  const out: Record<string, ResourceDraft> = {};
  const bucketId = ctx.logicalId(options.role);
  const rules: CfnValue[] = [
    {
      Id: 'abort-incomplete-uploads',
      Status: 'Enabled',
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    },
  ];
  if (options.versioning) {
    rules.push({
      Id: 'expire-noncurrent-versions',
      Status: 'Enabled',
      NoncurrentVersionExpiration: { NoncurrentDays: ctx.prod ? 90 : 30 },
    });
  }
  if (options.lifecycleDays !== null) {
    rules.push({ Id: 'expire-objects', Status: 'Enabled', ExpirationInDays: options.lifecycleDays });
  }
  const properties: Record<string, CfnValue> = {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [
        options.sseS3
          ? { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }
          : { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
      ],
    },
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: !options.public,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: !options.public,
    },
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    VersioningConfiguration: { Status: options.versioning ? 'Enabled' : 'Suspended' },
    LifecycleConfiguration: { Rules: rules },
  };
  if (options.eventBridge)
    properties.NotificationConfiguration = { EventBridgeConfiguration: { EventBridgeEnabled: true } };
  if (options.accessLogs) {
    const logsRole = `${options.role}-access-logs`;
    out[logsRole] = logBucket(ctx, { ownership: 'BucketOwnerEnforced', expiryRuleId: 'expire-access-logs' });
    out[`${logsRole}-policy`] = logBucketPolicy(ctx, logsRole, [
      {
        Sid: 'AllowServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: sub(`\${${ctx.logicalId(logsRole)}.Arn}/*`),
        Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
      },
    ]);
    properties.LoggingConfiguration = {
      DestinationBucketName: ref(ctx.logicalId(logsRole)),
      LogFilePrefix: 'access/',
    };
  }
  out[options.role] = { Type: 'AWS::S3::Bucket', ...ctx.statefulPolicy(), Properties: properties };
  out[`${options.role}-policy`] = {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: ref(bucketId),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          denyInsecureTransport('s3', [getAtt(bucketId, 'Arn'), sub(`\${${bucketId}.Arn}/*`)]),
          ...(options.policyStatements ?? []),
          ...(options.public
            ? [
                {
                  Sid: 'AllowAnonymousRead',
                  Effect: 'Allow',
                  Principal: { AWS: '*' },
                  Action: 's3:GetObject',
                  Resource: sub(`\${${bucketId}.Arn}/*`),
                },
              ]
            : []),
        ],
      },
    },
  };
  return out;
}
