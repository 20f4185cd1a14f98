import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { kindCatalogue } from '../../src/knowledge/kind-catalogue.ts';
import { COMPONENT_KINDS } from '../../src/model/kinds.ts';
import { systemPrompt } from '../../src/planner/llm/system-prompt.ts';

it('the system prompt carries every kind, param and connection of the knowledge base', () => {
  const prompt = systemPrompt();
  expect(prompt).not.toContain('{{catalogue}}');
  for (const kind of COMPONENT_KINDS) expect(prompt).toContain(`### ${kind}:`);
  for (const entry of kindCatalogue()) {
    for (const param of entry.params.filter((p) => !p.usage)) expect(prompt).toContain(`\`${param.name}\``);
    for (const c of entry.connections) expect(prompt).toContain(`${c.to} (${c.access.join('|')})`);
  }
});

it('the prompt template in prompts/ is what the planner loads', () => {
  const template = readFileSync(new URL('../../prompts/system.md', import.meta.url), 'utf8');
  const [before] = template.split('{{catalogue}}');
  expect(systemPrompt().startsWith(before!)).toBe(true);
});
