import { AppError } from '../../errors/app-error.ts';

/** The caller changed a version of the change request that is no longer the current one. */
export class VersionConflictError extends AppError {
  readonly type = 'version-conflict';
  readonly status = 409;
  readonly title = 'The change request was changed by someone else';

  constructor(
    readonly changeRequestId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `expected version ${expectedVersion} of change request ${changeRequestId}, the current version is ${currentVersion}; reload and retry`,
      { extensions: { changeRequestId, expectedVersion, currentVersion } },
    );
  }
}
