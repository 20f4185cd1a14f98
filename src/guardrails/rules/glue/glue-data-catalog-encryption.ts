import { defineTemplateRule } from '../../rule.ts';
import { combine, expectBool, expectOneOf } from '../_support/check-result.ts';

const SETTINGS = 'DataCatalogEncryptionSettings';

export default defineTemplateRule({
  id: 'glue-data-catalog-encryption',
  title: 'Glue Data Catalogs encrypt metadata and connection passwords',
  severity: 'warning',
  rationale:
    'The catalog holds table schemas, locations and connection passwords; unencrypted, anyone with catalog read access reads the passwords too.',
  remediation: `Set ${SETTINGS}.EncryptionAtRest.CatalogEncryptionMode to SSE-KMS and ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted to true.`,
  references: ['CKV_AWS_94'],
  resourceTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
  check: (settings) =>
    combine([
      expectOneOf(
        settings,
        `${SETTINGS}.EncryptionAtRest.CatalogEncryptionMode`,
        ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'],
        'Catalog metadata is not encrypted',
        { absent: 'DISABLED' },
      ),
      expectBool(
        settings,
        `${SETTINGS}.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`,
        true,
        'Connection passwords are returned in clear text',
        { absent: false },
      ),
    ]),
});
