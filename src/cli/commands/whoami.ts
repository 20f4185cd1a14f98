/** `infra-copilot whoami`: the user the CLI's token belongs to (GET /v1/me). */
import type { CliCommand } from '../command.ts';

interface Me {
  id: string;
  name: string;
  roles: string[];
  teams: string[];
}

const command: CliCommand = {
  name: 'whoami',
  summary: 'Show the user your token belongs to',
  usage: 'infra-copilot whoami [--json]',
  async run(ctx) {
    const api = await ctx.api();
    const res = await api.request<Me & { detail?: string }>('GET', '/v1/me');
    if (res.status !== 200) {
      ctx.stderr.write(`whoami: ${res.status} ${res.body?.detail ?? ''} (server: ${api.target})\n`);
      return 1;
    }
    if (ctx.args.includes('--json')) ctx.stdout.write(`${JSON.stringify(res.body)}\n`);
    else {
      const { name, roles, teams } = res.body;
      ctx.stdout.write(
        `${name} roles=${roles.join(',') || '-'} teams=${teams.join(',') || '-'} (${api.target})\n`,
      );
    }
    return 0;
  },
};

export default command;
