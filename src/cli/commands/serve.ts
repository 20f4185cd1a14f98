/** `infra-copilot serve`: starts the HTTP server (same as `npm start`). */
import { loadConfig } from '../../config/config.ts';
import { startServer } from '../../server.ts';
import type { CliCommand } from '../command.ts';

const command: CliCommand = {
  name: 'serve',
  summary: 'Start the HTTP server (PORT, HOST, DATA_DIR / DATABASE_URL from the environment)',
  usage: 'infra-copilot serve',
  async run(ctx) {
    const server = await startServer(loadConfig(ctx.env));
    ctx.stderr.write(`infra-copilot serving at ${server.url}\n`);
    await new Promise<never>(() => {});
    return 0;
  },
};

export default command;
