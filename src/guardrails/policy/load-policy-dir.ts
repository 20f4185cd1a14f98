import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mergePolicies, parsePolicy } from './parse-policy.ts';
import { PolicyInvalidError } from './policy-invalid-error.ts';
import type { PolicyIssue } from './policy-invalid-error.ts';
import type { Policy } from './policy-schema.ts';

/** The policy files of a folder (`*.yaml` / `*.yml`, in name order), or the one file when `path` is a file. */
export async function readPolicyFiles(path: string): Promise<{ name: string; text: string }[]> {
  try {
    if ((await stat(path)).isFile()) return [{ name: basename(path), text: await readFile(path, 'utf8') }];
    const names = (await readdir(path)).filter((n) => /\.ya?ml$/.test(n)).sort();
    return await Promise.all(
      names.map(async (name) => ({ name, text: await readFile(join(path, name), 'utf8') })),
    );
  } catch (error) {
    throw new PolicyInvalidError([
      {
        line: 1,
        column: 1,
        path: '',
        source: path,
        message: `cannot read the policy files: ${(error as Error).message}`,
      },
    ]);
  }
}

/**
 * The policy set kept as one text: a single file as it is, several files as YAML documents (`---`) in name
 * order, each after a comment naming its file.
 */
export function joinPolicyFiles(files: readonly { name: string; text: string }[]): string {
  if (files.length === 1) return files[0]?.text ?? '';
  return files.map((f) => `# ${f.name}\n${f.text.trimEnd()}\n`).join('---\n');
}

/**
 * Reads and parses every policy file of a folder (the CLI `--policy` option), merged in name order.
 * @throws PolicyInvalidError naming the file, line and path of each problem
 */
export async function loadPolicyDir(dir: string): Promise<Policy> {
  const files = await readPolicyFiles(dir);
  if (files.length === 0) {
    throw new PolicyInvalidError([
      { line: 1, column: 1, path: '', source: dir, message: 'no policy files (*.yaml) in the folder' },
    ]);
  }
  const parsed: Policy[] = [];
  const issues: PolicyIssue[] = [];
  for (const f of files) {
    try {
      parsed.push(
        parsePolicy(f.text, {
          source: files.length === 1 && f.name === basename(dir) ? dir : join(dir, f.name),
        }),
      );
    } catch (error) {
      if (!(error instanceof PolicyInvalidError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new PolicyInvalidError(issues);
  return mergePolicies(parsed);
}
