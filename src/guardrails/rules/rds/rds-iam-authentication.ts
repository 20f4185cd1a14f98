import { defineTemplateRule } from '../../rule.ts';
import { IAM_AUTHENTICATION } from '../_support/rds-iam-authentication.ts';

export default defineTemplateRule({
  id: 'rds-iam-authentication',
  title: 'RDS DB instances accept IAM database authentication',
  severity: 'info',
  rationale: IAM_AUTHENTICATION.rationale,
  remediation: IAM_AUTHENTICATION.remediation,
  references: ['CKV_AWS_161', 'AwsSolutions-RDS6'],
  resourceTypes: ['AWS::RDS::DBInstance'],
  check: (db) => IAM_AUTHENTICATION.check(db),
  fix: IAM_AUTHENTICATION.fix,
});
