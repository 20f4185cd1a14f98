#!/usr/bin/env node
// Launches the CLI: the compiled dist/cli/main.js when present, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'main.js');
const { runCli } = existsSync(compiled)
  ? await import(pathToFileURL(compiled).href)
  : await (async () => {
      const { tsImport } = await import('tsx/esm/api');
      return tsImport(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href, import.meta.url);
    })();
process.exitCode = await runCli(process.argv.slice(2));
