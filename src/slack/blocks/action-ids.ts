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

/**
 * The value of a review button: `<change request id>@r<revision>`, so a click is a decision on the revision the
 * message showed (a bare id, from messages posted before revisions were named, decides on the current one).
 */
export function reviewButtonFor(changeRequestId: string, revision: number): string {
  return `${changeRequestId}@r${revision}`;
}

export function reviewButtonValue(value: string): { id: string; revision?: number } {
  const match = /^(.+)@r(\d+)$/.exec(value);
  return match ? { id: match[1] as string, revision: Number(match[2]) } : { id: value };
}
