import { type CfnValue, sub } from '../cfn.ts';
import {
  ALL_VIEWER_EXCEPT_HOST,
  CACHING_DISABLED,
  distributionConfig,
  distributionParams,
  originAccessControl,
  SECURITY_HEADERS,
  s3CacheBehavior,
  s3Origin,
} from '../cloudfront.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'cdn',
  title: 'CDN',
  description:
    'A CloudFront distribution in front of APIs, load balancers or buckets (`origin` connections; the first origin by id is the default, others are served under /<origin-id>/*): HTTPS only to viewers and origins, buckets through origin access control, security headers, logging.',
  awsResources: ['AWS::CloudFront::Distribution', 'AWS::CloudFront::OriginAccessControl', 'AWS::S3::Bucket'],
  network: 'never',
  params: [
    param({
      name: 'origin_domain_name',
      type: 'string',
      description:
        'An external HTTPS origin when no origin connection is given; null to take it from a template parameter.',
      default: null,
      pattern: '^[A-Za-z0-9.-]+$',
    }),
    ...distributionParams,
  ],
  expand(ctx) {
    const out: Record<string, ResourceDraft> = {};
    const origins = [...ctx.inbound.origins];
    if (origins.length === 0) {
      const domain =
        ctx.params.origin_domain_name === null
          ? ctx.parameter(`${ctx.id}-origin-domain-name`, {
              Type: 'String',
              Description: `HTTPS origin domain of ${ctx.id}`,
            })
          : (ctx.params.origin_domain_name as string);
      origins.push({ peer: 'origin', domainName: domain, type: 'https' });
    }
    if (origins.some((o) => o.type === 's3')) out.oac = originAccessControl(ctx);
    const originConfigs: CfnValue[] = origins.map(
      (o): CfnValue =>
        o.type === 's3'
          ? s3Origin(ctx, o.peer, o.domainName)
          : {
              Id: o.peer,
              DomainName: o.domainName,
              CustomOriginConfig: {
                OriginProtocolPolicy: 'https-only',
                OriginSSLProtocols: ['TLSv1.2'],
                HTTPSPort: 443,
              },
            },
    );
    const behavior = (o: (typeof origins)[number]): Record<string, CfnValue> =>
      o.type === 's3'
        ? s3CacheBehavior(o.peer)
        : {
            TargetOriginId: o.peer,
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
            CachedMethods: ['GET', 'HEAD'],
            Compress: true,
            CachePolicyId: CACHING_DISABLED,
            OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
            ResponseHeadersPolicyId: SECURITY_HEADERS,
          };
    const config: Record<string, CfnValue> = {
      ...distributionConfig(ctx, out),
      Origins: originConfigs,
      DefaultCacheBehavior: behavior(origins[0]!),
    };
    if (origins.length > 1) {
      config.CacheBehaviors = origins.slice(1).map((o) => ({ ...behavior(o), PathPattern: `/${o.peer}/*` }));
    }
    out.distribution = { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: config } };
    ctx.output(`${ctx.id}-url`, {
      Description: `URL of distribution ${ctx.id}`,
      Value: sub(`https://\${${ctx.logicalId('distribution')}.DomainName}`),
    });
    return out;
  },
});
