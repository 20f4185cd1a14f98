import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-permission-source-restricted',
  title: 'Lambda permissions for AWS services name the source resource',
  severity: 'warning',
  rationale:
    'A service principal (s3.amazonaws.com, sns.amazonaws.com) without SourceArn or SourceAccount lets that service invoke the function on behalf of any account (confused deputy).',
  remediation:
    'Set SourceArn to the bucket, topic, rule or API that invokes the function (and SourceAccount for S3).',
  references: ['CKV_AWS_364'],
  resourceTypes: ['AWS::Lambda::Permission'],
  check: (permission) => {
    const principal = read(permission, 'Principal');
    if ('result' in principal) return principal.result;
    if (typeof principal.value !== 'string' || !principal.value.endsWith('.amazonaws.com')) return PASS;
    // A bucket ARN names no account, so S3 also needs SourceAccount (bucket names can be re-registered).
    const required =
      principal.value === 's3.amazonaws.com' ? ['SourceAccount'] : ['SourceArn', 'SourceAccount'];
    for (const path of required) {
      const has = permission.has(path);
      if (!has.known) return unknown(path, has.reason);
      if (has.value) return PASS;
    }
    if (required.length === 1) {
      return fail(
        'SourceAccount',
        `Principal s3.amazonaws.com has no SourceAccount; expected the bucket owner's account id (a bucket ARN names no account)`,
        undefined,
        'SourceAccount',
      );
    }
    return fail(
      'SourceArn',
      `Principal ${principal.value} has no SourceArn or SourceAccount; expected the invoking resource's ARN`,
      undefined,
      'SourceArn',
    );
  },
});
