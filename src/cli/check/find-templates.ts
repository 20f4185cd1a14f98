import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const EXTENSIONS = /\.(ya?ml|json|template)$/i;
/** Folders never searched: dependencies, VCS data, and hidden folders (`.aws-sam` build output included). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Whether text looks like a CloudFormation/SAM template or an architecture document (cheap checks). */
export function looksLikeCheckable(text: string): boolean {
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(text)) return true;
  if (/["']?Resources["']?\s*:/.test(text) && /["']?Type["']?\s*:\s*["']?(AWS|Alexa|Custom)::/.test(text)) {
    return true;
  }
  return /^components\s*:/m.test(text) && /^\s*-?\s*kind\s*:/m.test(text);
}

export interface FoundTemplates {
  /** Files to check, in a stable order (sorted paths). */
  readonly files: string[];
  /** Files with a template extension that are not templates (package.json, config files). */
  readonly skipped: number;
}

/**
 * The templates under a directory: files ending in .yaml, .yml, .json or .template whose text looks like a
 * CloudFormation or SAM template (or an architecture), searched recursively; dependency, VCS and hidden
 * folders are left out.
 */
export async function findTemplates(dir: string): Promise<FoundTemplates> {
  const files: string[] = [];
  let skipped = 0;
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(path);
        continue;
      }
      if (!entry.isFile() || !EXTENSIONS.test(entry.name)) continue;
      const size = (await stat(path)).size;
      if (size > MAX_FILE_BYTES) {
        files.push(path); // large: let the check say what it is rather than skip it unread
        continue;
      }
      if (looksLikeCheckable(await readFile(path, 'utf8'))) files.push(path);
      else skipped += 1;
    }
  };
  await walk(dir);
  return { files, skipped };
}
