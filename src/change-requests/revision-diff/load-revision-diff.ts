import { NotFoundError } from '../../http/errors/not-found-error.ts';
import type { Db } from '../../store/database.ts';
import type { ChangeSnapshot } from '../change-request.ts';
import { findChangeRequestRow } from '../change-request-repository.ts';
import type {} from '../tables.ts';
import { type RevisionDiff, revisionDiff } from './revision-diff.ts';

/** Revision `revision` of change request `id` as it was frozen; 404 naming the revisions there are. */
export async function loadRevisionSnapshot(db: Db, id: string, revision: number): Promise<ChangeSnapshot> {
  const row = await findChangeRequestRow(db, id);
  const found = await db
    .selectFrom('change_request_revisions')
    .selectAll()
    .where('change_request_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (found === undefined) {
    throw new NotFoundError(`change request ${id} has revisions 1 to ${row.revision}, not ${revision}`);
  }
  return {
    proposalId: found.proposal_id,
    architecture: found.architecture,
    template: found.template,
    templateYaml: found.template_yaml,
    findings: found.findings,
    diff: found.diff,
    cost: found.cost,
  };
}

/**
 * The diff between two revisions: by default the one before the current revision and the current one (a
 * request with one revision compares it with itself, which is empty).
 */
export async function loadRevisionDiff(
  db: Db,
  id: string,
  range: { from?: number | undefined; to?: number | undefined },
): Promise<RevisionDiff> {
  const row = await findChangeRequestRow(db, id);
  const to = range.to ?? row.revision;
  const from = range.from ?? Math.max(1, to - 1);
  const [before, after] = await Promise.all([
    loadRevisionSnapshot(db, id, from),
    loadRevisionSnapshot(db, id, to),
  ]);
  return revisionDiff(from, before, to, after);
}
