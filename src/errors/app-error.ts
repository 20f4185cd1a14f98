/**
 * Base of every typed error. One class per concept (in its own file), each with a stable problem `type`
 * slug, the HTTP status it maps to, and the context a person needs. The HTTP error handler turns these into
 * application/problem+json: `type` becomes `https://infra-copilot.dev/problems/<type>`.
 */
export interface AppErrorOptions {
  detail?: string;
  /** Extra members for the problem document (e.g. `errors: [{path, message}]`, `holder`). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export abstract class AppError extends Error {
  abstract readonly type: string;
  abstract readonly status: number;
  abstract readonly title: string;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.detail = options.detail ?? message;
    this.extensions = options.extensions ?? {};
  }
}
