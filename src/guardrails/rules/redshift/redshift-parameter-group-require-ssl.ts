import { defineTemplateRule } from '../../rule.ts';
import { asBool, fail, PASS, show, unknown } from '../_support/check-result.ts';
import { keyValue } from '../_support/key-value-list.ts';

const PARAMETER = { key: 'ParameterName', value: 'ParameterValue' };

export default defineTemplateRule({
  id: 'redshift-parameter-group-require-ssl',
  title: 'Redshift parameter groups require SSL connections',
  severity: 'warning',
  rationale:
    'Unless require_ssl is true, clients may connect in clear text and send credentials and query results unencrypted over the network.',
  remediation: 'Add the parameter require_ssl with the value "true" to Parameters.',
  references: ['CKV_AWS_105'],
  resourceTypes: ['AWS::Redshift::ClusterParameterGroup'],
  check: (group) => {
    const value = keyValue(group, 'Parameters', 'require_ssl', PARAMETER);
    const path = value.path ?? 'Parameters';
    if (!value.known) return unknown(path, value.reason);
    if (asBool(value.value) === true) return PASS;
    return fail(
      path,
      `Clients may connect without SSL: require_ssl is ${show(value.value)}; expected "true"`,
      value.value,
      'true',
    );
  },
});
