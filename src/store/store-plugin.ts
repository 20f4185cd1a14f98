/**
 * `app.db` (Kysely<Database>) and `app.store` (the Store), closed when the app closes. Migrations are applied
 * at registration unless `migrate: false`.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { migrate } from './migrator.ts';
import type { Store } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    store: Store;
  }
}

export interface StorePluginOptions {
  store: Store;
  migrate?: boolean;
}

async function storePlugin(app: FastifyInstance, options: StorePluginOptions): Promise<void> {
  const { store } = options;
  app.addHook('onClose', async () => {
    await store.close();
  });
  if (options.migrate !== false) {
    const applied = await migrate(store);
    if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  }
  app.decorate('store', store);
  app.decorate('db', store.db);
}

export default fp(storePlugin, { name: 'db' });
