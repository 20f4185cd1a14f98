import { AppError } from '../../errors/app-error.ts';

/** Where the caller stood and where the change request stands now: version and revision of each. */
export interface VersionConflict {
  expectedVersion: number | null;
  currentVersion: number;
  /** The revision the caller saw (sent, or the revision at `expectedVersion`); null when unknown. */
  expectedRevision: number | null;
  currentRevision: number;
}

/**
 * The caller acted on a version of the change request that is no longer the current one. When a new revision
 * came in between, the detail says so: a decision on a revision the reviewer never saw is never recorded.
 */
export class VersionConflictError extends AppError {
  readonly type = 'version-conflict';
  readonly status = 409;
  readonly title = 'The change request was changed by someone else';

  constructor(
    readonly changeRequestId: string,
    readonly conflict: VersionConflict,
  ) {
    const saw = [
      conflict.expectedVersion === null ? null : `version ${conflict.expectedVersion}`,
      conflict.expectedRevision === null ? null : `revision ${conflict.expectedRevision}`,
    ]
      .filter(Boolean)
      .join(', ');
    const revised =
      conflict.expectedRevision !== null && conflict.expectedRevision !== conflict.currentRevision
        ? `; revision ${conflict.currentRevision} was submitted since, review it before deciding`
        : '; reload and retry';
    super(
      `you acted on ${saw} of change request ${changeRequestId}; it is now at version ${conflict.currentVersion}, revision ${conflict.currentRevision}${revised}`,
      { extensions: { changeRequestId, ...conflict } },
    );
  }

  get expectedVersion(): number | null {
    return this.conflict.expectedVersion;
  }

  get currentVersion(): number {
    return this.conflict.currentVersion;
  }
}
