/**
 * Subcommand registry: every `src/cli/commands/<name>.ts` (or `.js` when compiled) default-exporting a
 * CliCommand is a subcommand named after its file. Nothing to register by hand.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './command.ts';

export const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Names of the available subcommands, sorted. */
export function commandNames(dir: string = commandsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[a-z][a-z0-9-]*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .filter((name, i, all) => all.indexOf(name) === i)
    .sort();
}

export async function loadCommand(name: string, dir: string = commandsDir): Promise<CliCommand | undefined> {
  if (!commandNames(dir).includes(name)) return undefined;
  const file = ['.ts', '.js'].map((ext) => join(dir, `${name}${ext}`)).find((f) => existsSync(f));
  if (!file) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { default?: CliCommand };
  if (!mod.default || typeof mod.default.run !== 'function')
    throw new Error(`${file} must default-export a CliCommand`);
  return mod.default;
}
