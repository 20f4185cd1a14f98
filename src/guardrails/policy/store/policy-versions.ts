import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../../store/database.ts';
import type { PolicyVersionsTable } from './tables.ts';

/** One stored version of the policy set. */
export interface PolicyVersion {
  version: number;
  text: string;
  digest: string;
  message: string;
  author: { id: string | null; name: string };
  restoredFrom: number | null;
  createdAt: string;
}

export type PolicyVersionSummary = Omit<PolicyVersion, 'text'>;

export function policyDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function summary(row: Omit<Selectable<PolicyVersionsTable>, 'body'>): PolicyVersionSummary {
  return {
    version: row.version,
    digest: row.digest,
    message: row.message,
    author: { id: row.author_id, name: row.author_name },
    restoredFrom: row.restored_from,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The current (highest) version number and digest, or undefined when nothing is stored yet. */
export async function currentPolicyHead(db: Db): Promise<{ version: number; digest: string } | undefined> {
  return db
    .selectFrom('policy_versions')
    .select(['version', 'digest'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getPolicyVersion(db: Db, version: number): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { ...summary(row), text: row.body } : undefined;
}

/** The current (highest) version with its text, or undefined when nothing is stored yet. */
export async function latestPolicyVersion(db: Db): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...summary(row), text: row.body } : undefined;
}

/** Versions newest first, without their text. */
export async function listPolicyVersions(
  db: Db,
  limit = 100,
  before?: number,
): Promise<PolicyVersionSummary[]> {
  let query = db
    .selectFrom('policy_versions')
    .select(['version', 'digest', 'message', 'author_id', 'author_name', 'restored_from', 'created_at'])
    .orderBy('version', 'desc')
    .limit(limit);
  if (before !== undefined) query = query.where('version', '<', before);
  return (await query.execute()).map(summary);
}

export async function insertPolicyVersion(
  db: Db,
  input: {
    version: number;
    text: string;
    message: string;
    author: { id: string | null; name: string };
    restoredFrom?: number | null;
  },
): Promise<PolicyVersion> {
  const row = await db
    .insertInto('policy_versions')
    .values({
      version: input.version,
      body: input.text,
      digest: policyDigest(input.text),
      message: input.message,
      author_id: input.author.id,
      author_name: input.author.name,
      restored_from: input.restoredFrom ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...summary(row), text: row.body };
}
