import type { Db } from '../../store/database.ts';
import type { ApprovalRecord } from '../change-request.ts';
import type {} from '../tables.ts';

/**
 * Reviewers whose request for changes on `revision` still stands: they asked for changes and have not
 * approved since (`approvals`: the revision's current approvals, which the caller has already read).
 * Sorted by name.
 */
export async function outstandingChangeRequests(
  trx: Db,
  id: string,
  revision: number,
  approvals: readonly ApprovalRecord[],
): Promise<Array<{ id: string; name: string }>> {
  const requests = await trx
    .selectFrom('change_request_comments')
    .select(['author_id', 'author_name', 'created_at'])
    .where('change_request_id', '=', id)
    .where('revision', '=', revision)
    .where('kind', '=', 'request_changes')
    .execute();
  if (requests.length === 0) return [];
  const approvedAt = new Map(approvals.map((a) => [a.approverId, Date.parse(a.at)]));
  const latest = new Map<string, { name: string; at: number }>();
  for (const r of requests) {
    if (r.author_id === null) continue;
    const at = new Date(r.created_at).getTime();
    const prev = latest.get(r.author_id);
    if (prev === undefined || prev.at < at) latest.set(r.author_id, { name: r.author_name, at });
  }
  const out: Array<{ id: string; name: string }> = [];
  for (const [authorId, { name, at }] of latest) {
    const approved = approvedAt.get(authorId);
    if (approved === undefined || approved < at) out.push({ id: authorId, name });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
