import type { ModalView } from '@slack/web-api';
import { REASON_BLOCK, REASON_INPUT, REASON_MODAL_CALLBACK } from './action-ids.ts';

export type ReasonAction = 'reject' | 'request_changes';

/** What the modal carries back in `private_metadata` (the only state a view submission returns). */
export interface ReasonModalState {
  action: ReasonAction;
  changeRequestId: string;
  /** The revision the review message showed: the decision is refused if a newer one came in meanwhile. */
  revision?: number;
  /** Where the review message lives, so it can be updated in place after the decision. */
  channel: string;
  messageTs: string;
}

export function reasonModal(state: ReasonModalState): ModalView {
  const verb = state.action === 'reject' ? 'Reject' : 'Request changes';
  return {
    type: 'modal',
    callback_id: REASON_MODAL_CALLBACK,
    private_metadata: JSON.stringify(state),
    title: { type: 'plain_text', text: verb },
    submit: { type: 'plain_text', text: verb },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: {
          type: 'plain_text',
          text: state.action === 'reject' ? 'Why is this rejected?' : 'What should change?',
        },
        element: {
          type: 'plain_text_input',
          action_id: REASON_INPUT,
          multiline: true,
          min_length: 3,
          max_length: 2000,
        },
      },
    ],
  };
}
