import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueText } from './catalogue-text.ts';

const PROMPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'prompts');

let cached: string | undefined;

/** prompts/system.md with the kind catalogue generated from the knowledge base filled in (once per process). */
export function systemPrompt(): string {
  cached ??= renderSystemPrompt(readFileSync(join(PROMPTS_DIR, 'system.md'), 'utf8'));
  return cached;
}

export function renderSystemPrompt(template: string, catalogue: string = catalogueText()): string {
  if (!template.includes('{{catalogue}}'))
    throw new Error('prompts/system.md has no {{catalogue}} placeholder');
  return template.replace('{{catalogue}}', catalogue);
}
