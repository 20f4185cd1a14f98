import { defineTemplateRule } from '../../rule.ts';
import { expectBool, fail, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elasticache-auth',
  title: 'Redis and Valkey replication groups require authentication over TLS',
  severity: 'warning',
  rationale:
    'Without AUTH or RBAC users, anything that can reach the port can read and overwrite every key; without TLS, the credentials cross the network in clear text.',
  remediation:
    'Set AuthToken (from Secrets Manager) or UserGroupIds for RBAC, with TransitEncryptionEnabled true.',
  references: ['CKV_AWS_31'],
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  check: (group) => {
    for (const path of ['AuthToken', 'UserGroupIds']) {
      const has = group.has(path);
      if (!has.known) return unknown(path, has.reason);
      if (!has.value) continue;
      // ElastiCache takes an AuthToken only with transit encryption; RBAC passwords need it as much.
      return expectBool(
        group,
        'TransitEncryptionEnabled',
        true,
        `Clients authenticate in clear text (${path} is set without TLS)`,
        { absent: false },
      );
    }
    return fail(
      'AuthToken',
      'Neither AuthToken nor UserGroupIds is set, so clients connect without credentials; expected AUTH or RBAC',
      undefined,
      'AuthToken or UserGroupIds',
    );
  },
});
