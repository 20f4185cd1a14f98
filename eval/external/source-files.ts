import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CfnTemplate } from '../../src/cfn/cfn-template.ts';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { parseDocument } from './truth/parse-document.ts';
import type { ReadRelative } from './truth/template-context.ts';
import { isRecord } from './truth/template-context.ts';

/** Directories a walk never enters (dependencies, build output, VCS). */
const IGNORED = new Set(['node_modules', '.git', 'cdk.out', 'dist', '.aws-sam', '__pycache__']);

/** Files under `dir` (relative paths with `/`, sorted) down to `depth` levels, matching `keep`. */
export function listFiles(dir: string, depth: number, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (at: string, level: number) => {
    for (const entry of readdirSync(join(dir, at), { withFileTypes: true })) {
      if (IGNORED.has(entry.name)) continue;
      const path = at === '' ? entry.name : `${at}/${entry.name}`;
      if (entry.isDirectory() && level < depth) walk(path, level + 1);
      else if (entry.isFile() && keep(path)) out.push(path);
    }
  };
  walk('', 1);
  return out.sort();
}

/** Directories directly under `dir`, sorted. */
export function listDirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !IGNORED.has(e.name))
    .map((e) => e.name)
    .sort();
}

export function readText(path: string): string | undefined {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
}

/**
 * A template file parsed (JSON or YAML, short forms allowed), or undefined when it is not a template. The
 * project's parser is strict (duplicate keys, YAML flow-style slips); a template it refuses is read again
 * leniently (later duplicate keys win), as long as it has a Resources mapping.
 */
export function readTemplate(path: string): CfnTemplate | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  try {
    return parseTemplateText(text);
  } catch {
    const lenient = parseDocument(text);
    return isRecord(lenient) && isRecord(lenient.Resources) ? (lenient as CfnTemplate) : undefined;
  }
}

/** Reads files relative to a template's directory, never outside the snapshot's root. */
export function relativeReader(root: string, templatePath: string): ReadRelative {
  const base = dirname(templatePath);
  const top = resolve(root);
  return (path) => {
    const target = resolve(base, path);
    if (target !== top && !target.startsWith(top + sep)) return undefined;
    return readText(target);
  };
}

/** A case id from a source path: lower-case letters, digits and single hyphens, prefixed with the set. */
export function caseId(prefix: string, path: string): string {
  const slug = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${slug}`;
}

/** Paragraphs as one message: code blocks and HTML tags removed, whitespace collapsed, empty ones dropped. */
export function joinParagraphs(paragraphs: readonly unknown[]): string {
  let fenced = false;
  return paragraphs
    .filter((p): p is string => typeof p === 'string')
    .filter((p) => {
      const fence = /^\s*```/.test(p);
      if (fence) fenced = !fenced;
      return !fence && !fenced;
    })
    .map((p) =>
      p
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
}

export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
