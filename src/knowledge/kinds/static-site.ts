import { getAtt, ref, sub } from '../cfn.ts';
import {
  distributionConfig,
  distributionParams,
  originAccessControl,
  s3CacheBehavior,
  s3Origin,
} from '../cloudfront.ts';
import { statement } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';
import { privateBucket } from '../s3-bucket.ts';

export default defineKind({
  kind: 'static_site',
  title: 'Static site',
  description:
    'A private S3 bucket served by a CloudFront distribution through origin access control: HTTPS only, security headers, logging, TLS 1.2 on custom domains (point a dns component at it); deploy jobs get write access with a `write` connection.',
  awsResources: [
    'AWS::S3::Bucket',
    'AWS::S3::BucketPolicy',
    'AWS::CloudFront::Distribution',
    'AWS::CloudFront::OriginAccessControl',
  ],
  network: 'never',
  params: [
    param({
      name: 'index_document',
      type: 'string',
      description: 'Object served for the root URL.',
      default: 'index.html',
      pattern: '^[A-Za-z0-9._/-]+$',
    }),
    param({
      name: 'spa',
      type: 'boolean',
      description: 'Single-page app: serve the index document for unknown paths (403/404).',
      default: false,
    }),
    param({
      name: 'storage_gb',
      type: 'number',
      unit: 'GB',
      description: 'Cost assumption: site content stored.',
      default: 1,
      min: 0,
      usage: true,
    }),
    ...distributionParams,
  ],
  data: {
    access: {
      write: (t) => ({
        statements: [
          statement(t.sid('list'), ['s3:ListBucket'], [getAtt(t.logicalId('bucket'), 'Arn')]),
          statement(
            t.sid('write-objects'),
            ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
            [sub(`\${${t.logicalId('bucket')}.Arn}/*`)],
          ),
        ],
        env: { [`${t.envPrefix}_BUCKET`]: ref(t.logicalId('bucket')) },
      }),
    },
  },
  expand(ctx) {
    const bucketId = ctx.logicalId('bucket');
    const distributionId = ctx.logicalId('distribution');
    const out: Record<string, ResourceDraft> = privateBucket(ctx, {
      role: 'bucket',
      versioning: true,
      lifecycleDays: null,
      accessLogs: true,
      sseS3: true,
      policyStatements: [
        {
          Sid: 'AllowCloudFrontRead',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: sub(`\${${bucketId}.Arn}/*`),
          Condition: {
            StringEquals: {
              'AWS:SourceArn': sub(
                `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distributionId}}`,
              ),
            },
          },
        },
      ],
    });
    out.oac = originAccessControl(ctx);
    const index = ctx.params.index_document as string;
    out.distribution = {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          ...distributionConfig(ctx, out),
          DefaultRootObject: index,
          Origins: [s3Origin(ctx, 's3', getAtt(bucketId, 'RegionalDomainName'))],
          DefaultCacheBehavior: s3CacheBehavior('s3'),
          ...(ctx.params.spa
            ? {
                CustomErrorResponses: [403, 404].map((code) => ({
                  ErrorCode: code,
                  ResponseCode: 200,
                  ResponsePagePath: `/${index}`,
                })),
              }
            : {}),
        },
      },
    };
    ctx.output(`${ctx.id}-url`, {
      Description: `URL of static site ${ctx.id}`,
      Value: sub(`https://\${${distributionId}.DomainName}`),
    });
    return out;
  },
});
