import { type CfnObject, getAtt, ref, sub } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { denyInsecureTransport } from './tls-only.ts';

interface LogBucketOptions {
  /** CloudFront standard logs need ACLs (`BucketOwnerPreferred`); every other log writer works without. */
  ownership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
  /** Id of the lifecycle rule expiring logs after the organisation's retention. */
  expiryRuleId: string;
}

/**
 * A bucket receiving logs from an AWS service: SSE-S3 (log delivery cannot use SSE-KMS with the AWS managed
 * key), all public access blocked, versioned, logs expired after the organisation's retention.
 */
export function logBucket(ctx: KindContext, options: LogBucketOptions): ResourceDraft {
  return {
    Type: 'AWS::S3::Bucket',
    ...ctx.statefulPolicy(),
    Properties: {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: options.ownership }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [{ Id: options.expiryRuleId, Status: 'Enabled', ExpirationInDays: ctx.logRetentionDays }],
      },
    },
  };
}

/** The TLS-only policy of the log bucket at `role`, followed by the statements letting the log writer in. */
export function logBucketPolicy(ctx: KindContext, role: string, allow: CfnObject[] = []): ResourceDraft {
  const id = ctx.logicalId(role);
  return {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: ref(id),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [denyInsecureTransport('s3', [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)]), ...allow],
      },
    },
  };
}
