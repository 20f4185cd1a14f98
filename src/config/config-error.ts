import { AppError } from '../errors/app-error.ts';

/** A configuration value is missing or malformed; the message is one line naming the variable and the form. */
export class ConfigError extends AppError {
  readonly type = 'config-invalid';
  readonly status = 500;
  readonly title = 'Invalid configuration';
  readonly variable: string;

  constructor(variable: string, expected: string) {
    super(`${variable}: ${expected}`, { extensions: { variable } });
    this.variable = variable;
  }
}
