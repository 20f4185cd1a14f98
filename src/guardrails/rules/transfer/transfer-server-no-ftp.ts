import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'transfer-server-no-ftp',
  title: 'Transfer Family servers do not offer plain FTP',
  severity: 'error',
  rationale: 'FTP sends user names, passwords and files in clear text.',
  remediation: 'Offer SFTP or FTPS instead of FTP in Protocols.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html'],
  resourceTypes: ['AWS::Transfer::Server'],
  check: (server) =>
    eachItem(server, 'Protocols', (item) =>
      expectNoneOf(server, item, ['FTP'], 'The server accepts unencrypted FTP'),
    ),
});
