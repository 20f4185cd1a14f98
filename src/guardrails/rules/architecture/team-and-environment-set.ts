import type { CheckResult } from '../../rule.ts';
import { defineArchitectureRule } from '../../rule.ts';

export default defineArchitectureRule({
  id: 'team-and-environment-set',
  title: 'Team and environment are set before submission',
  severity: 'error',
  scope: 'architecture',
  rationale:
    'Ownership, cost allocation, environment defaults (multi-AZ, retention) and the review route all depend on the team and the environment.',
  remediation: 'Say which team owns this and whether it is dev, staging or prod.',
  references: [],
  check(_subject, context): CheckResult[] | CheckResult {
    const missing: CheckResult[] = [];
    if (context.architecture.team === null) {
      missing.push({
        status: 'fail',
        message: 'No team is set; expected the owning team.',
        path: 'team',
        actual: null,
      });
    }
    if (context.architecture.environment === null) {
      missing.push({
        status: 'fail',
        message: 'No environment is set; expected one of "dev", "staging", "prod".',
        path: 'environment',
        actual: null,
        expected: ['dev', 'staging', 'prod'],
      });
    }
    return missing.length > 0 ? missing : { status: 'pass' };
  },
});
