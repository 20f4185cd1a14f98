import { AppError } from '../errors/app-error.ts';

/** Where in the template text a problem is: 1-based line and column. */
export interface TextLocation {
  line: number;
  column: number;
}

/**
 * Template text (JSON or YAML) that cannot be read as a CloudFormation template: a syntax error, an unknown
 * tag, or a top-level shape CloudFormation would reject. Carries the location when there is one.
 */
export class TemplateParseError extends AppError {
  readonly type = 'template-parse-error';
  readonly status = 400;
  readonly title = 'Template could not be parsed';
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** JSON pointer of the offending value, for shape errors. */
  readonly pointer: string | undefined;
  /** The message without the location suffix (to rebuild the error across a worker boundary). */
  readonly reason: string;

  constructor(message: string, location?: Partial<TextLocation> & { pointer?: string }, cause?: unknown) {
    const where =
      location?.line !== undefined ? ` (line ${location.line}, column ${location.column ?? 1})` : '';
    super(`${message}${where}`, {
      cause,
      extensions: {
        ...(location?.line !== undefined ? { line: location.line, column: location.column ?? 1 } : {}),
        ...(location?.pointer !== undefined ? { pointer: location.pointer } : {}),
      },
    });
    this.line = location?.line;
    this.column = location?.line !== undefined ? (location.column ?? 1) : undefined;
    this.pointer = location?.pointer;
    this.reason = message;
  }
}
