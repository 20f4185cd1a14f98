import type { FastifyInstance } from 'fastify';
import type { ChangeEvent } from '../change-requests/notifier.ts';
import { loadRevisionDiff } from '../change-requests/revision-diff/load-revision-diff.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { reviewBlocks } from './blocks/review-blocks.ts';
import { findReviewMessage } from './review-messages.ts';
import type { SlackPoster } from './slack-poster.ts';
import { threadOfConversation } from './slack-threads.ts';
import { reviewView } from './slack-views.ts';

const NOTIFY: Partial<Record<ChangeEvent['type'], string>> = {
  approved: ':white_check_mark: approved',
  changes_requested: ':memo: changes were requested',
  rejected: ':no_entry: rejected',
  applied: ':rocket: applied',
  failed: ':x: the apply failed',
  closed: ':lock: closed',
};

/**
 * The approval that completes the required approvals commits `approval_recorded` and then `approved` together:
 * the message is updated once, on `approved`, with the final state.
 */
function isFollowedBySameCommit(event: ChangeEvent): boolean {
  return event.type === 'approval_recorded' && event.changeRequest.state === 'approved';
}

/**
 * Posts the review message on creation and updates it in place afterwards (once per decision, and on a new
 * revision with what changed since the previous one and its buttons back), and tells the requester in their
 * thread. Re-rendered from the current change request each time, so events out of order still show the latest.
 */
export async function updateReviewMessage(
  deps: { app: FastifyInstance; poster: SlackPoster; reviewChannel: string | null },
  event: ChangeEvent,
): Promise<void> {
  const { app, poster } = deps;
  if (event.type === 'commented' || event.type === 'apply_started') return;
  if (isFollowedBySameCommit(event)) return;
  const cr = await app.changeRequests.get(event.changeRequest.id);
  const changes = cr.revision > 1 ? await loadRevisionDiff(app.db, cr.id, {}) : null;
  const blocks = reviewBlocks(reviewView(cr, event, changes));
  const text = `Change request: ${cr.title} (${cr.state.replace('_', ' ')})`;
  if (event.type === 'created') {
    if (deps.reviewChannel) {
      await poster.send(
        'chat.postMessage',
        { channel: deps.reviewChannel, text, blocks },
        { reviewMessageOf: cr.id },
      );
    }
    return;
  }
  const message = await findReviewMessage(app.db, cr.id);
  if (message) await poster.send('chat.update', { channel: message.channel, ts: message.ts, text, blocks });
  const news = NOTIFY[event.type];
  const thread = news ? await threadOfConversation(app.db, cr.conversationId) : null;
  if (news && thread) {
    const by = event.actor?.name ? ` by ${escapeMrkdwn(event.actor.name)}` : '';
    const reason = event.reason ? `: ${escapeMrkdwn(event.reason)}` : '';
    await poster.send('chat.postMessage', {
      channel: thread.channel,
      thread_ts: thread.threadTs,
      text: `<@${thread.requesterSlackId}> your change request *${escapeMrkdwn(cr.title)}* was ${news}${by}${reason}.`,
    });
  }
}
