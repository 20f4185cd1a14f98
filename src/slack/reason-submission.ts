/**
 * The reason modal of Reject and Request changes, submitted: the reason is checked and the decision taken;
 * a refusal shows under the input instead of closing the modal.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { AuthUser } from '../identity/roles.ts';
import { parseJson } from '../json/parse-json.ts';
import { REASON_BLOCK, REASON_INPUT, REASON_MODAL_CALLBACK } from './blocks/action-ids.ts';
import type { ViewSubmission } from './slack-payloads.ts';

/** What a view submission answers: nothing (the modal closes), or errors shown under the input. */
export type ViewReply = Record<string, never> | { response_action: 'errors'; errors: Record<string, string> };

const ReasonState = z.object({
  action: z.enum(['reject', 'request_changes']),
  changeRequestId: z.string().min(1),
  revision: z.number().int().min(1).optional(),
  channel: z.string(),
  messageTs: z.string(),
});

function safeJson(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : null;
}

export async function submitReason(
  app: FastifyInstance,
  payload: ViewSubmission,
  person: (slackUserId: string, channel: string | null) => Promise<AuthUser>,
): Promise<ViewReply> {
  if (payload.view.callback_id !== REASON_MODAL_CALLBACK) return {};
  const state = ReasonState.safeParse(safeJson(payload.view.private_metadata));
  if (!state.success)
    return {
      response_action: 'errors',
      errors: { [REASON_BLOCK]: 'This form is out of date; close it and click the button again.' },
    };
  const reason = payload.view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value?.trim() ?? '';
  if (reason.length < 3)
    return {
      response_action: 'errors',
      errors: { [REASON_BLOCK]: 'Say why, in a few words (at least 3 characters).' },
    };
  const user = await person(payload.user.id, state.data.channel || null);
  try {
    const input = { reason, revision: state.data.revision };
    if (state.data.action === 'reject')
      await app.changeRequests.reject({ user }, state.data.changeRequestId, input);
    else await app.changeRequests.requestChanges({ user }, state.data.changeRequestId, input);
    return {};
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      response_action: 'errors',
      errors: { [REASON_BLOCK]: (error.detail ?? error.message).slice(0, 200) },
    };
  }
}
