import { AppError } from '../../errors/app-error.ts';
import type { TokenUsage } from '../planner.ts';

/** The model's answer could not be used (after the repair round); keeps the raw text and the token usage. */
export class ModelOutputError extends AppError {
  readonly type = 'model-output-invalid';
  readonly status = 502;
  readonly title = 'The model answered with something unusable';

  constructor(
    message: string,
    readonly raw: string,
    readonly usage: TokenUsage,
  ) {
    super(message, { extensions: { usage } });
  }
}
