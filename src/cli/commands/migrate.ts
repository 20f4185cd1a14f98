/** `infra-copilot migrate`: applies pending migrations to DATA_DIR's PGlite or DATABASE_URL, then exits. */
import { loadConfig } from '../../config/config.ts';
import { migrate } from '../../store/migrator.ts';
import { openStore } from '../../store/store.ts';
import type { CliCommand } from '../command.ts';

const command: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations and exit',
  usage: 'infra-copilot migrate',
  async run(ctx) {
    const config = loadConfig(ctx.env);
    const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const applied = await migrate(store);
      ctx.stdout.write(
        applied.length > 0
          ? `applied: ${applied.join(', ')}\n`
          : `up to date (${store.kind}, schema ${store.schema})\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
