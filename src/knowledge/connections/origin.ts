import type { AccessMode } from '../../model/kinds.ts';
import { getAtt, sub } from '../cfn.ts';
import type { ConnectionFamily } from '../connection-family.ts';

const ORIGINS: readonly string[] = ['http_api', 'load_balancer', 'bucket'];
const ORIGIN: readonly AccessMode[] = ['origin'];

/**
 * A distribution serves a target as an origin: API and load balancer origins over HTTPS only; bucket
 * origins through origin access control, with a bucket-policy grant scoped to this distribution.
 */
export const origin: ConnectionFamily = {
  name: 'origin',
  modes(from, to) {
    return from.kind === 'cdn' && ORIGINS.includes(to.kind) ? ORIGIN : [];
  },
  apply({ from, to, contributions, logicalId }) {
    const inbound = contributions.inbound(from.id);
    switch (to.definition.kind) {
      case 'http_api':
        inbound.origins.push({
          peer: to.id,
          type: 'https',
          domainName: sub(`\${${logicalId(to.id, 'api')}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`),
        });
        return;
      case 'load_balancer':
        inbound.origins.push({
          peer: to.id,
          type: 'https',
          domainName: getAtt(logicalId(to.id, 'load-balancer'), 'DNSName'),
        });
        return;
      case 'bucket': {
        const bucket = logicalId(to.id, 'bucket');
        inbound.origins.push({ peer: to.id, type: 's3', domainName: getAtt(bucket, 'RegionalDomainName') });
        contributions.feature(to.id, 'cloudfront-origin');
        contributions.allow(to.id, {
          Sid: `Allow${logicalId(from.id, 'read')}`,
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: sub(`\${${bucket}.Arn}/*`),
          Condition: {
            StringEquals: {
              'AWS:SourceArn': sub(
                `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${logicalId(from.id, 'distribution')}}`,
              ),
            },
          },
        });
        return;
      }
    }
  },
};
