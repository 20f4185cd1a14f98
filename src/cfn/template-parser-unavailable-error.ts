import { AppError } from '../errors/app-error.ts';

/** The background template parser crashed, ran out of memory or took too long: try again later or smaller. */
export class TemplateParserUnavailableError extends AppError {
  readonly type = 'template-parser-unavailable';
  readonly status = 503;
  readonly title = 'Template parser unavailable';

  constructor(reason: string) {
    super(`the template could not be parsed in the background: ${reason}; retry, or send a smaller template`);
  }
}
