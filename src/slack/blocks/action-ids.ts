/** Interactive element ids the bot renders and /slack/interactions dispatches on. */
export const ACTIONS = {
  submit: 'proposal_submit',
  showTemplate: 'proposal_show_template',
  undo: 'proposal_undo',
  approve: 'review_approve',
  requestChanges: 'review_request_changes',
  reject: 'review_reject',
} as const;
export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

/** The modal that asks a reviewer for the reason of a rejection or a change request. */
export const REASON_MODAL_CALLBACK = 'review_reason';
export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason_input';
