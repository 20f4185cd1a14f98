import { AppError } from '../errors/app-error.ts';

/** A stack key or name that does not make a valid `<team>-<app>-<environment>` CloudFormation stack name. */
export class InvalidStackNameError extends AppError {
  readonly type = 'invalid-stack-name';
  readonly status = 400;
  readonly title = 'Invalid stack name';
  constructor(field: string, expectation: string, value: unknown) {
    super(`${field}: expected ${expectation}, got ${JSON.stringify(value)}`, {
      extensions: { errors: [{ path: field, message: `expected ${expectation}` }] },
    });
  }
}
