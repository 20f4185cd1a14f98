import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'redshift-audit-logging',
  title: 'Redshift clusters write audit logs',
  severity: 'warning',
  rationale:
    'Connection and user logs show who connected to the warehouse and what they changed; without them a breach or a mistake cannot be traced.',
  remediation:
    'Set LoggingProperties: BucketName (S3 destination) or LogDestinationType cloudwatch with LogExports.',
  references: ['CKV_AWS_71', 'AwsSolutions-RS5'],
  resourceTypes: ['AWS::Redshift::Cluster'],
  check: (cluster) => {
    const bucket = cluster.has('LoggingProperties.BucketName');
    if (!bucket.known) return unknown('LoggingProperties.BucketName', bucket.reason);
    if (bucket.value) return PASS;
    const destination = read(cluster, 'LoggingProperties.LogDestinationType');
    if ('result' in destination) return destination.result;
    if (destination.value === 'cloudwatch') return PASS;
    return fail(
      'LoggingProperties',
      'Audit logging is off: LoggingProperties names no bucket and no CloudWatch destination; expected an audit log destination',
      undefined,
      'an audit log destination',
    );
  },
});
