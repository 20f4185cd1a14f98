/**
 * The `check` command alone, for the bundle `npm install` builds (scripts/build-cli.mjs): CI runs `check`
 * from a fresh clone, and loading only what it needs, from one prebuilt file, is most of its time.
 * bin/infra-copilot.js uses the bundle when it is there and up to date, and src/cli/main.ts otherwise.
 */
import command, { runCheck } from './commands/check.ts';

export async function runCheckCli(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.summary}\nusage: ${command.usage}\n`);
    return 0;
  }
  return runCheck({ args, stdout: process.stdout, stderr: process.stderr });
}
