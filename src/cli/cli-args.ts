/**
 * Argument parsing shared by the subcommands (it lives beside, not in, `commands/`: every file there is a
 * subcommand). A mistake on the command line is a UsageError; `parseOrReport` prints it with the usage.
 *
 *   const parsed = parseOrReport(ctx.stderr, 'check', USAGE, () => {
 *     const { values, positionals } = parseCommandArgs(ctx.args, OPTIONS);
 *     return { files: positionals, format: oneOf('--format', values.format ?? 'text', FORMATS) };
 *   });
 *   if (!parsed) return 2;
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A command-line mistake: the message names the flag and what it expects. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs`, strict and with positionals, whose complaints (unknown flag, missing value) are UsageErrors. */
export function parseCommandArgs<const O extends Options>(args: string[], options: O) {
  try {
    return parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `value` when it is one of `allowed`, else a UsageError naming `flag` and the choices. */
export function oneOf<const T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
}

/** Colour unless `--no-color` was given or stdout is not a terminal. */
export function wantsColor(stdout: NodeJS.WritableStream, noColor: boolean | undefined): boolean {
  return !noColor && Boolean((stdout as { isTTY?: boolean }).isTTY);
}

/**
 * Runs `parse`; on a UsageError writes `infra-copilot <command>: <message>` and the usage line to `stderr`
 * and returns undefined (the command then exits 2). Other errors pass through.
 */
export function parseOrReport<A>(
  stderr: NodeJS.WritableStream,
  command: string,
  usage: string,
  parse: () => A,
): A | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`infra-copilot ${command}: ${error.message}\nusage: ${usage}\n`);
    return undefined;
  }
}
