import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';

/**
 * Whether every template of a collection (aws-cloudformation-templates) goes through our parser. Files that
 * are not templates (event samples, configuration, package manifests) and Rain sources (which the Rain CLI
 * packages into templates first) are counted apart; every other failure is listed with its reason.
 */

export interface TemplateParseReport {
  readonly files: number;
  readonly parsed: number;
  readonly notTemplates: readonly string[];
  readonly rainSources: readonly string[];
  readonly failed: readonly { readonly file: string; readonly reason: string }[];
}

const CANDIDATE = /\.(ya?ml|json|template)$/i;

function candidates(root: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CANDIDATE.test(name)) out.push(path);
    }
  };
  walk(root);
  return out;
}

const TEMPLATE_KEYS = ['Resources', 'AWSTemplateFormatVersion', 'Transform'];

/** A template has a Resources section, a template format version or a transform at its top level. */
function looksLikeTemplate(text: string): boolean {
  let value: unknown;
  try {
    value = parse(text, { logLevel: 'silent', uniqueKeys: false });
  } catch {
    return true;
  }
  return typeof value === 'object' && value !== null && TEMPLATE_KEYS.some((key) => key in value);
}

/** Rain sources use Rain's own directives (`Rain::Module`, `!Rain::Embed`, `Rain::Constant`). */
function isRainSource(text: string): boolean {
  return /Rain::/.test(text);
}

export function parseTemplates(root: string): TemplateParseReport {
  const files = candidates(root);
  let parsed = 0;
  const notTemplates: string[] = [];
  const rainSources: string[] = [];
  const failed: { file: string; reason: string }[] = [];
  for (const path of files) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    try {
      parseTemplateSource(text);
      parsed += 1;
    } catch (error) {
      if (isRainSource(text)) rainSources.push(file);
      else if (!looksLikeTemplate(text)) notTemplates.push(file);
      else failed.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files: files.length, parsed, notTemplates, rainSources, failed };
}
