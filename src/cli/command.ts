/**
 * The CLI subcommand contract. A subcommand is `src/cli/commands/<name>.ts` default-exporting a CliCommand;
 * the registry finds it by file name (no shared list to edit).
 *
 *   const check: CliCommand = {
 *     name: 'check',
 *     summary: 'Evaluate a template against the guardrails',
 *     usage: 'infra-copilot check <template.yaml> [--json]',
 *     async run(ctx) {
 *       const { positionals } = parseArgs({ args: ctx.args, allowPositionals: true });
 *       const api = await ctx.api();
 *       const res = await api.request('POST', '/v1/guardrails/evaluate', { template: '...' });
 *       ctx.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
 *       return res.status < 400 ? 0 : 1;
 *     },
 *   };
 *   export default check;
 */
import type { ApiClient } from './api-client.ts';

export interface CliContext {
  /** Arguments after the subcommand name (global options already removed). */
  args: string[];
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * The API: a running server when `--url` / INFRA_COPILOT_URL is given, else an in-process app on the
   * local store (DATA_DIR). The token is `--token`, INFRA_COPILOT_TOKEN, COPILOT_ADMIN_TOKEN, or the
   * first-start file `<DATA_DIR>/admin-token`, in that order.
   */
  api(): Promise<ApiClient>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(ctx: CliContext): Promise<number>;
}
