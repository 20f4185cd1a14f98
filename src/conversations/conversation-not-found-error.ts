import { AppError } from '../errors/app-error.ts';

/** No conversation with this id is visible to the caller (it may exist for someone else). */
export class ConversationNotFoundError extends AppError {
  readonly type = 'conversation-not-found';
  readonly status = 404;
  readonly title = 'Conversation not found';

  constructor(readonly conversationId: string) {
    super(`No conversation ${conversationId} is visible to you.`, { extensions: { conversationId } });
  }
}
