import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

const PATH = 'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption';

export default defineTemplateRule({
  id: 'athena-workgroup-result-encryption',
  title: 'Athena workgroups encrypt query results',
  severity: 'warning',
  rationale:
    'Query results are copies of the data queried; without an encryption option they rely on whatever the result bucket does.',
  remediation:
    'Set WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption to SSE_KMS (or SSE_S3).',
  references: ['https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html'],
  resourceTypes: ['AWS::Athena::WorkGroup'],
  check: (group) => expectPresent(group, PATH, 'Query results are not encrypted by the workgroup'),
});
