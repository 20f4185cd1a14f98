#!/usr/bin/env node
// Launches the CLI. `check` runs from the prebuilt bundle (dist/bundle/cli/check.cjs, built by `npm install`)
// when it is up to date with the sources, so CI pays for loading the check and nothing else; a stale bundle
// is rebuilt first. Everything else runs the compiled dist/cli/main.js when present, else the TypeScript
// sources through tsx.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const bundleDir = join(root, 'dist', 'bundle', 'cli');
const bundlePath = join(bundleDir, 'check.cjs');
const cachePath = join(bundleDir, 'check.code-cache');

/** Whether the check bundle exists and no source it was built from changed since. */
function bundleFresh() {
  const inputsFile = join(bundleDir, 'check.inputs.json');
  if (!existsSync(bundlePath) || !existsSync(inputsFile)) return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((input) => statSync(join(root, input)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

async function ensureBundle() {
  if (bundleFresh()) return true;
  const builder = join(root, 'scripts', 'build-cli.mjs');
  if (!existsSync(builder)) return false;
  try {
    const { buildCheckBundle } = await import(pathToFileURL(builder).href);
    return await buildCheckBundle({ quiet: true });
  } catch {
    return false;
  }
}

/** Load the CommonJS bundle through vm.Script with V8's code cache (written by the build's warm-up run). */
function loadBundle() {
  const source = readFileSync(bundlePath, 'utf8');
  const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, bundleDir);
  return { exports: module.exports, script };
}

if (argv[0] === 'check' && !argv.some((arg) => arg === '--url' || arg.startsWith('--url='))) {
  if (await ensureBundle()) {
    const { exports, script } = loadBundle();
    process.exitCode = await exports.runCheckCli(argv.slice(1));
    if (process.env.INFRA_COPILOT_WRITE_CODE_CACHE === '1') writeFileSync(cachePath, script.createCachedData());
  }
}
if (process.exitCode === undefined) {
  const compiled = join(root, 'dist', 'cli', 'main.js');
  const { runCli } = existsSync(compiled)
    ? await import(pathToFileURL(compiled).href)
    : await (async () => {
        const { tsImport } = await import('tsx/esm/api');
        return tsImport(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href, import.meta.url);
      })();
  process.exitCode = await runCli(argv);
}
