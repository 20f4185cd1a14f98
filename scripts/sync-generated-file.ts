import { readFileSync, writeFileSync } from 'node:fs';

export interface GeneratedFile {
  /** Absolute path of the generated file. */
  target: string;
  /** Its name in messages (e.g. `docs/rules.md`). */
  name: string;
  /** What it is called when up to date (e.g. `rule registry`). */
  label: string;
  /** The npm script that regenerates it. */
  script: string;
  /** Number of rules it lists, for the "wrote" message. */
  rules: number;
}

/**
 * Write `text` to a generated file when it differs; with `--check` on the command line, exit 1 instead of
 * writing when it is out of date.
 */
export function syncGeneratedFile(file: GeneratedFile, text: string): void {
  let current = '';
  try {
    current = readFileSync(file.target, 'utf8');
  } catch {
    current = '';
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${file.name} is out of date: run \`npm run ${file.script}\``);
      process.exit(1);
    }
    console.log(`${file.label} is up to date`);
  } else if (current !== text) {
    writeFileSync(file.target, text);
    console.log(`wrote ${file.target} (${file.rules} rules)`);
  } else {
    console.log(`${file.label} already up to date`);
  }
}
