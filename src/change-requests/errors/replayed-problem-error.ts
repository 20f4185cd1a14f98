import { AppError } from '../../errors/app-error.ts';

/** What is stored of a refused request under its Idempotency-Key, to answer a retry the same way. */
export interface StoredProblem {
  type: string;
  title: string;
  status: number;
  detail: string | null;
  extensions: Record<string, unknown>;
}

export function storedProblemOf(error: AppError): StoredProblem {
  return {
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.detail ?? null,
    extensions: error.extensions,
  };
}

/** The refusal stored under an Idempotency-Key, answered again to a retry with the same key and body. */
export class ReplayedProblemError extends AppError {
  readonly type: string;
  readonly status: number;
  readonly title: string;

  constructor(stored: StoredProblem) {
    super(stored.detail ?? stored.title, {
      ...(stored.detail === null ? {} : { detail: stored.detail }),
      extensions: stored.extensions,
    });
    this.type = stored.type;
    this.status = stored.status;
    this.title = stored.title;
  }
}
