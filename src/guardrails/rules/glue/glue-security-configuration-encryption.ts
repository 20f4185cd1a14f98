import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, eachItem, expectNoneOf, fail } from '../_support/check-result.ts';
import { resultsOf } from '../_support/result-list.ts';

const CONFIG = 'EncryptionConfiguration';
const S3 = `${CONFIG}.S3Encryptions`;

/** The mode at `path` must be set and not DISABLED. */
function encrypted(configuration: ResourceView, path: string, what: string): CheckResult {
  return expectNoneOf(configuration, path, ['DISABLED'], what, { absent: 'DISABLED' });
}

/** S3Encryptions is a list; written as one object, it is read as a one-item list. */
function checkS3(configuration: ResourceView): CheckResult | readonly CheckResult[] {
  return eachItem(
    configuration,
    S3,
    (item) => encrypted(configuration, `${item}.S3EncryptionMode`, 'S3 output is not encrypted'),
    () => {
      const single = configuration.has(`${S3}.S3EncryptionMode`);
      if (single.known && single.value)
        return encrypted(configuration, `${S3}.S3EncryptionMode`, 'S3 output is not encrypted');
      return fail(S3, 'S3 output is not encrypted: S3Encryptions is not set', undefined, 'SSE-KMS');
    },
  );
}

export default defineTemplateRule({
  id: 'glue-security-configuration-encryption',
  title: 'Glue security configurations encrypt S3 output, logs and job bookmarks',
  severity: 'warning',
  rationale:
    'Jobs and crawlers that use the configuration write data to S3, logs to CloudWatch and bookmarks; each left unencrypted is a copy of the data in clear text.',
  remediation: `Set ${S3} (SSE-KMS or SSE-S3), CloudWatchEncryption and JobBookmarksEncryption (CSE-KMS) modes.`,
  references: ['CKV_AWS_99'],
  resourceTypes: ['AWS::Glue::SecurityConfiguration'],
  check: (configuration) =>
    combine([
      ...resultsOf(checkS3(configuration)),
      encrypted(
        configuration,
        `${CONFIG}.CloudWatchEncryption.CloudWatchEncryptionMode`,
        'Logs are not encrypted',
      ),
      encrypted(
        configuration,
        `${CONFIG}.JobBookmarksEncryption.JobBookmarksEncryptionMode`,
        'Job bookmarks are not encrypted',
      ),
    ]),
});
