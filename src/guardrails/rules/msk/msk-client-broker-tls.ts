import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const PATH = 'EncryptionInfo.EncryptionInTransit.ClientBroker';

export default defineTemplateRule({
  id: 'msk-client-broker-tls',
  title: 'MSK clusters accept only TLS connections from clients',
  severity: 'error',
  rationale:
    'With PLAINTEXT or TLS_PLAINTEXT, producers and consumers may send messages and SASL credentials to the brokers unencrypted.',
  remediation: `Set ${PATH} to TLS, or leave it unset (TLS is the default).`,
  // CKV_AWS_81 is not cited: it also fails clusters that leave EncryptionInfo unset, which MSK encrypts.
  references: ['AwsSolutions-MSK2'],
  resourceTypes: ['AWS::MSK::Cluster'],
  check: (cluster) =>
    expectOneOf(cluster, PATH, ['TLS'], 'Clients may connect in plain text', { absent: 'TLS' }),
  fix: {
    description: 'accept TLS connections only (plain-text clients must switch to TLS)',
    safe: false,
    patch: (cluster) => setProperty(cluster, PATH, 'TLS'),
  },
});
