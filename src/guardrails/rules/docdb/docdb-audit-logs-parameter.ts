import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, show } from '../_support/check-result.ts';

/** Values of the audit_logs parameter that record events (a comma-separated list of event kinds is allowed). */
const RECORDING = new Set(['enabled', 'all', 'ddl', 'dml_read', 'dml_write']);

export default defineTemplateRule({
  id: 'docdb-audit-logs-parameter',
  title: 'DocumentDB cluster parameter groups turn on audit logs',
  severity: 'warning',
  rationale:
    'The cluster writes audit events (authentication, schema changes, reads and writes) only when its parameter group sets audit_logs.',
  remediation:
    'Set Parameters.audit_logs to enabled (or all, ddl, dml_read, dml_write), then export the audit log.',
  references: ['CKV_AWS_104'],
  resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
  check: (group) => {
    const path = 'Parameters.audit_logs';
    const value = read(group, path);
    if ('result' in value) return value.result;
    const kinds = typeof value.value === 'string' ? value.value.split(',').map((k) => k.trim()) : [];
    if (kinds.length > 0 && kinds.every((kind) => RECORDING.has(kind))) return PASS;
    return fail(
      path,
      `Audit events are not recorded: ${path} is ${show(value.value)}; expected enabled, all, ddl, dml_read or dml_write`,
      value.value,
      [...RECORDING],
    );
  },
});
