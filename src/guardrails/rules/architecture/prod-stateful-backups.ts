import { z } from 'zod';
import type { CheckResult } from '../../rule.ts';
import { defineArchitectureRule } from '../../rule.ts';

const Params = z.object({ minRetentionDays: z.number().int().min(1).max(35).default(7) });

export default defineArchitectureRule<z.infer<typeof Params>>({
  id: 'prod-stateful-backups',
  title: 'Production data stores keep backups',
  severity: 'error',
  scope: ['postgres', 'mysql', 'kv_table', 'bucket', 'cache'],
  params: Params,
  rationale:
    'Production data without backups (database snapshots, DynamoDB point-in-time recovery, bucket versioning, cache snapshots) cannot be restored after a bad deploy, a deletion or ransomware.',
  remediation:
    'Databases: `backup_retention_days` of at least the policy minimum (7 by default). Tables: `point_in_time_recovery: true`. Buckets: `versioning: true`. Caches: `snapshot_retention_days` of at least 1. Unset values take the production defaults, which are compliant.',
  references: ['AwsSolutions-RDS11', 'AwsSolutions-DDB3'],
  check(subject, context): CheckResult {
    if (!subject || context.architecture.environment !== 'prod') return { status: 'pass' };
    const p = subject.params;
    const min = context.params.minRetentionDays;
    switch (subject.kind) {
      case 'postgres':
      case 'mysql': {
        const days = p.backup_retention_days;
        if (days === undefined || days === null) return { status: 'pass' };
        if (typeof days !== 'number') {
          return {
            status: 'fail',
            message: `Database "${subject.id}" has backup_retention_days ${JSON.stringify(days)}; expected a number of at least ${min}.`,
            path: 'params.backup_retention_days',
            actual: days,
            expected: min,
          };
        }
        if (days < min) {
          return {
            status: 'fail',
            message: `Production database "${subject.id}" keeps backups for ${days} days; expected at least ${min}.`,
            path: 'params.backup_retention_days',
            actual: days,
            expected: min,
          };
        }
        return { status: 'pass' };
      }
      case 'kv_table':
        if (p.point_in_time_recovery === false) {
          return {
            status: 'fail',
            message: `Production table "${subject.id}" has point_in_time_recovery: false; expected true.`,
            path: 'params.point_in_time_recovery',
            actual: false,
            expected: true,
          };
        }
        return { status: 'pass' };
      case 'cache': {
        const days = p.snapshot_retention_days;
        if (typeof days === 'number' && days < 1) {
          return {
            status: 'fail',
            message: `Production cache "${subject.id}" keeps ${days} days of snapshots; expected at least 1.`,
            path: 'params.snapshot_retention_days',
            actual: days,
            expected: 1,
          };
        }
        return { status: 'pass' };
      }
      default:
        if (p.versioning === false) {
          return {
            status: 'fail',
            message: `Production bucket "${subject.id}" has versioning: false; expected true.`,
            path: 'params.versioning',
            actual: false,
            expected: true,
          };
        }
        return { status: 'pass' };
    }
  },
  fix: {
    description: 'turn backups on (retention days, point-in-time recovery or versioning)',
    safe: true,
    operations(subject, context) {
      if (!subject) return [];
      if (subject.kind === 'kv_table') {
        return [{ op: 'update_params', id: subject.id, params: { point_in_time_recovery: true } }];
      }
      if (subject.kind === 'bucket')
        return [{ op: 'update_params', id: subject.id, params: { versioning: true } }];
      return [
        {
          op: 'update_params',
          id: subject.id,
          params: { backup_retention_days: context.params.minRetentionDays },
        },
      ];
    },
  },
});
