/**
 * Kysely dialect for PGlite. Unlike kysely-pglite-dialect, several Kysely instances (one per app, each with
 * its own `search_path` schema) can share ONE PGlite: connections are serialised per PGlite instance (so a
 * transaction is never interleaved with another app's queries) and the schema is set on every acquire.
 * Parameterless statements run through `exec` so multi-statement migration scripts work.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

interface SharedState {
  busy: boolean;
  queue: Array<() => void>;
  schema: string | undefined;
}

const states = new WeakMap<PGlite, SharedState>();

function stateOf(pglite: PGlite): SharedState {
  let state = states.get(pglite);
  if (!state) {
    state = { busy: false, queue: [], schema: undefined };
    states.set(pglite, state);
  }
  return state;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (query.parameters.length === 0) {
      const results = await this.pglite.exec(query.sql);
      const last = results[results.length - 1];
      const rows = (last?.rows ?? []) as R[];
      return last?.affectedRows ? { rows, numAffectedRows: BigInt(last.affectedRows) } : { rows };
    }
    const result = await this.pglite.query<R>(query.sql, [...query.parameters]);
    return result.affectedRows
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) }
      : { rows: result.rows };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported on PGlite; fail loudly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}

class PgliteDriver implements Driver {
  private readonly state: SharedState;
  private readonly connection: PgliteConnection;

  constructor(
    private readonly pglite: PGlite,
    private readonly schema: string | undefined,
    private readonly onDestroy: (() => Promise<void>) | undefined,
  ) {
    this.state = stateOf(pglite);
    this.connection = new PgliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.state.busy) await new Promise<void>((resolve) => this.state.queue.push(resolve));
    this.state.busy = true;
    if (this.schema !== undefined && this.state.schema !== this.schema) {
      try {
        await this.pglite.exec(`set search_path to ${quoteIdent(this.schema)}, public`);
      } catch (error) {
        this.release();
        throw error;
      }
      this.state.schema = this.schema;
    }
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.release();
  }

  private release(): void {
    const next = this.state.queue.shift();
    if (next) next();
    else this.state.busy = false;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.onDestroy?.();
  }
}

export interface PgliteDialectOptions {
  pglite: PGlite;
  /** Schema put first on the search_path for every query of this Kysely instance. */
  schema?: string;
  /** Called when the Kysely instance is destroyed (close the PGlite here when this instance owns it). */
  onDestroy?: () => Promise<void>;
}

export class PgliteDialect implements Dialect {
  constructor(private readonly options: PgliteDialectOptions) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PgliteDriver(this.options.pglite, this.options.schema, this.options.onDestroy);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
