import type { CheckResult, ResourceView, TemplateFix } from '../../rule.ts';
import { expectBool, PASS } from './check-result.ts';
import { standaloneInstance } from './rds-engine.ts';
import { setProperty } from './template-patch.ts';

/** What the instance and the cluster IAM authentication rules share: rationale, check and fix. */
export const IAM_AUTHENTICATION = {
  rationale:
    'IAM authentication replaces long-lived database passwords with short-lived tokens tied to roles.',
  remediation:
    'Set EnableIAMDatabaseAuthentication to true and grant rds-db:connect to the roles that connect.',
  check(db: ResourceView): CheckResult {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    return expectBool(db, 'EnableIAMDatabaseAuthentication', true, 'IAM authentication is off', {
      absent: false,
    });
  },
  fix: {
    description: 'enable IAM database authentication',
    safe: true,
    patch: (db) => setProperty(db, 'EnableIAMDatabaseAuthentication', true),
  } satisfies TemplateFix<Record<string, never>>,
} as const;
