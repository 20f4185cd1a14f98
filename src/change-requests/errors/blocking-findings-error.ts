import { AppError } from '../../errors/app-error.ts';
import type { FindingLike } from '../blocking-findings.ts';

/** A change with failing `error` findings (not waived) cannot be submitted for review. */
export class BlockingFindingsError extends AppError {
  readonly type = 'blocking-findings';
  readonly status = 422;
  readonly title = 'The change has failing error findings';

  constructor(readonly findings: readonly FindingLike[]) {
    super(
      `${findings.length} error finding${findings.length === 1 ? '' : 's'} must be fixed or waived before submitting: ` +
        findings.map((f) => `${f.ruleId}${f.resource ? ` (${f.resource})` : ''}`).join(', '),
      {
        extensions: {
          findings: findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            status: f.status,
            ...(f.resource === undefined ? {} : { resource: f.resource }),
            ...(f.component === undefined ? {} : { component: f.component }),
            message: f.message,
          })),
        },
      },
    );
  }
}
