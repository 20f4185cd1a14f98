import { AppError } from '../../errors/app-error.ts';

/** One failing field: `path` is dotted from the request part (`body.roles.0`, `query.limit`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Request input failed validation; `errors` lists every failing field path. */
export class ValidationError extends AppError {
  readonly type = 'validation-failed';
  readonly status = 400;
  readonly title = 'Validation failed';
  readonly errors: FieldError[];

  constructor(errors: FieldError[], message?: string) {
    const first = errors[0];
    super(message ?? (first ? `${first.path}: ${first.message}` : 'The request is invalid.'), {
      extensions: { errors },
    });
    this.errors = errors;
  }
}
