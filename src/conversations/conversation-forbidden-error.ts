import { AppError } from '../errors/app-error.ts';

/** The caller can see the conversation (or the team) but may not do this with it. */
export class ConversationForbiddenError extends AppError {
  readonly type = 'conversation-forbidden';
  readonly status = 403;
  readonly title = 'Not allowed on this conversation';

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }
}
