/**
 * The Kysely database type. Every module declares its own tables by module augmentation, so nobody edits
 * this file:
 *
 *   declare module '../store/database.ts' {
 *     interface Database { my_table: MyTable }
 *   }
 */
import type { Kysely, Transaction } from 'kysely';

// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation in each module's tables file.
export interface Database {}

/** A Kysely handle or an open transaction: what store-touching functions accept. */
export type Db = Kysely<Database> | Transaction<Database>;
