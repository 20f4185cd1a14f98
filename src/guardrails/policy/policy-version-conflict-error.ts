import { AppError } from '../../errors/app-error.ts';

/** A policy edit based on a version that is no longer the current one (someone else saved first). */
export class PolicyVersionConflictError extends AppError {
  readonly type = 'policy-version-conflict';
  readonly status = 409;
  readonly title = 'The policy changed since your base version';
  readonly currentVersion: number;

  constructor(baseVersion: number, currentVersion: number) {
    super(
      `baseVersion ${baseVersion} is not the current policy version ${currentVersion}; reload version ${currentVersion}, reapply your change and save again.`,
      { extensions: { baseVersion, currentVersion } },
    );
    this.currentVersion = currentVersion;
  }
}
