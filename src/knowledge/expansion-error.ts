import { AppError } from '../errors/app-error.ts';

/** The architecture cannot be expanded (invalid params, an unsupported connection, a logical id clash). */
export class ExpansionError extends AppError {
  readonly type = 'expansion-failed';
  readonly status = 422;
  readonly title = 'The architecture cannot be expanded into a template';
}
