import { AppError } from '../errors/app-error.ts';

/** Another turn changed the conversation first; nothing of this turn was stored. */
export class ConversationConflictError extends AppError {
  readonly type = 'conversation-conflict';
  readonly status = 409;
  readonly title = 'The conversation changed meanwhile';

  constructor(
    readonly conversationId: string,
    readonly expectedVersion: number,
  ) {
    super(
      `Conversation ${conversationId} was changed by another message while this one was planned (expected version ${expectedVersion}). Nothing was changed; send the message again.`,
      { extensions: { conversationId, expectedVersion } },
    );
  }
}
