import { type CfnValue, getAtt } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { logBucket, logBucketPolicy } from './log-bucket.ts';
import { param } from './params.ts';

/** AWS managed CloudFront policies (ids are fixed by AWS). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
export const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';

export const distributionParams = [
  param({
    name: 'price_class',
    type: 'string',
    description: 'Edge locations used.',
    default: 'PriceClass_100',
    allowed: ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'],
  }),
  param({
    name: 'certificate_arn',
    type: 'string',
    description:
      'ACM certificate in us-east-1 for custom domains (dns routes); null to take it from a template parameter when a domain points here.',
    default: null,
    pattern: '^arn:aws[a-z-]*:acm:us-east-1:',
  }),
  param({
    name: 'web_acl_arn',
    type: 'string',
    description: 'ARN of an AWS WAF web ACL (CLOUDFRONT scope, us-east-1) to attach; null for none.',
    default: null,
    pattern: '^arn:aws[a-z-]*:wafv2:us-east-1:',
  }),
  param({
    name: 'data_out_gb_per_month',
    type: 'number',
    unit: 'GB/month',
    description: 'Cost assumption: data transferred out to viewers.',
    default: 100,
    min: 0,
    usage: true,
  }),
  param({
    name: 'requests_per_month',
    type: 'integer',
    unit: 'requests/month',
    description: 'Cost assumption: HTTPS requests.',
    default: 5_000_000,
    min: 0,
    usage: true,
  }),
];

/**
 * The settings every distribution shares: enabled, described, HTTP/2 and 3, IPv6, the chosen price class,
 * standard logs into `log-bucket` (added to `out` with its TLS-only policy), WAF and viewer certificate.
 */
export function distributionConfig(
  ctx: KindContext,
  out: Record<string, ResourceDraft>,
): Record<string, CfnValue> {
  out['log-bucket'] = distributionLogBucket(ctx);
  out['log-bucket-policy'] = logBucketPolicy(ctx, 'log-bucket');
  return {
    Enabled: true,
    Comment: `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
    HttpVersion: 'http2and3',
    IPV6Enabled: true,
    PriceClass: ctx.params.price_class as string,
    Logging: {
      Bucket: getAtt(ctx.logicalId('log-bucket'), 'DomainName'),
      Prefix: `${ctx.id}/`,
      IncludeCookies: false,
    },
    ...viewerSettings(ctx),
  };
}

/** A bucket origin reached through the component's origin access control (`oac`). */
export function s3Origin(ctx: KindContext, id: string, domainName: CfnValue): CfnValue {
  return {
    Id: id,
    DomainName: domainName,
    OriginAccessControlId: getAtt(ctx.logicalId('oac'), 'Id'),
    S3OriginConfig: { OriginAccessIdentity: '' },
  };
}

/** Cached GET/HEAD from a bucket origin over HTTPS, with the security headers. */
export function s3CacheBehavior(originId: string): Record<string, CfnValue> {
  return {
    TargetOriginId: originId,
    ViewerProtocolPolicy: 'redirect-to-https',
    AllowedMethods: ['GET', 'HEAD'],
    CachedMethods: ['GET', 'HEAD'],
    Compress: true,
    CachePolicyId: CACHING_OPTIMIZED,
    ResponseHeadersPolicyId: SECURITY_HEADERS,
  };
}

/** A bucket for CloudFront standard logs (needs ACLs: CloudFront writes logs with the awslogsdelivery account). */
function distributionLogBucket(ctx: KindContext): ResourceDraft {
  return logBucket(ctx, { ownership: 'BucketOwnerPreferred', expiryRuleId: 'expire-logs' });
}

export function originAccessControl(ctx: KindContext): ResourceDraft {
  return {
    Type: 'AWS::CloudFront::OriginAccessControl',
    Properties: {
      OriginAccessControlConfig: {
        Name: ctx.name(undefined, 64),
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    },
  };
}

/** Viewer certificate and aliases: custom domains use ACM with TLS 1.2 (2021 policy). */
function viewerSettings(ctx: KindContext): Record<string, CfnValue> {
  const waf: Record<string, CfnValue> =
    ctx.params.web_acl_arn === null ? {} : { WebACLId: ctx.params.web_acl_arn as string };
  return { ...waf, ...certificateSettings(ctx) };
}

function certificateSettings(ctx: KindContext): Record<string, CfnValue> {
  const aliases = ctx.inbound.aliases.map((a) => a.domainName);
  if (aliases.length === 0) return { ViewerCertificate: { CloudFrontDefaultCertificate: true } };
  const certificate =
    ctx.params.certificate_arn === null
      ? ctx.parameter(`${ctx.id}-certificate-arn`, {
          Type: 'String',
          Description: `ACM certificate ARN (us-east-1) for the custom domains of ${ctx.id}`,
          AllowedPattern: '^arn:aws[a-z-]*:acm:us-east-1:.+',
        })
      : (ctx.params.certificate_arn as string);
  return {
    Aliases: aliases,
    ViewerCertificate: {
      AcmCertificateArn: certificate,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    },
  };
}
