import type { AccessMode } from '../../model/kinds.ts';
import { getAtt, sub } from '../cfn.ts';
import type { ConnectionFamily } from '../connection-family.ts';
import { statement } from '../iam.ts';
import { FIREHOSE_S3_ACTIONS, firehoseSearchStatements } from '../kinds/delivery-stream.ts';
import { STREAM_READ_ACTIONS } from '../kinds/stream.ts';
import { peerSecurityGroupRules } from './peer-security-group-rules.ts';

const TRIGGER: readonly AccessMode[] = ['trigger'];
const WRITE: readonly AccessMode[] = ['write'];

/** Where a delivery stream delivers. */
const DESTINATIONS: readonly string[] = ['bucket', 'search'];

/**
 * Kinesis Data Firehose wiring: a Kinesis stream as the delivery stream's source (`trigger`: its role reads
 * that stream), a bucket or an OpenSearch domain as its destination (`write`: its role writes objects to
 * that bucket, or documents to that domain, which it reaches from the VPC on 443).
 */
export const delivery: ConnectionFamily = {
  name: 'delivery',
  modes(from, to) {
    if (from.kind === 'stream' && to.kind === 'delivery_stream') return TRIGGER;
    if (from.kind === 'delivery_stream' && DESTINATIONS.includes(to.kind)) return WRITE;
    return [];
  },
  apply(ctx) {
    const { from, to, contributions, logicalId } = ctx;
    if (from.definition.kind === 'stream') {
      const arn = getAtt(logicalId(from.id, 'stream'), 'Arn');
      contributions.inbound(to.id).deliverySources.push({ peer: from.id, arn });
      contributions.grant(to.id, [statement(from.ref.sid('read'), STREAM_READ_ACTIONS, [arn])]);
      return;
    }
    const destinations = contributions.inbound(from.id).deliveryDestinations;
    if (to.definition.kind === 'bucket') {
      const bucket = logicalId(to.id, 'bucket');
      destinations.push({ peer: to.id, kind: 'bucket', arn: getAtt(bucket, 'Arn') });
      contributions.grant(from.id, [
        statement(to.ref.sid('bucket'), FIREHOSE_S3_ACTIONS.bucket, [getAtt(bucket, 'Arn')]),
        statement(to.ref.sid('objects'), FIREHOSE_S3_ACTIONS.objects, [sub(`\${${bucket}.Arn}/*`)]),
      ]);
      return;
    }
    const domain = logicalId(to.id, 'domain');
    destinations.push({ peer: to.id, kind: 'search', arn: getAtt(domain, 'Arn') });
    contributions.grant(from.id, firehoseSearchStatements(to.ref, from.params.index_name as string));
    contributions.needVpc(from.id);
    peerSecurityGroupRules(
      ctx,
      getAtt(logicalId(from.id, 'sg'), 'GroupId'),
      getAtt(logicalId(to.id, 'sg'), 'GroupId'),
      443,
    );
  },
};
