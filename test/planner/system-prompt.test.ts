import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/expand-architecture.ts';
import { kindCatalogue } from '../../src/knowledge/kind-catalogue.ts';
import { applyOperations } from '../../src/model/apply-operations.ts';
import { emptyArchitecture } from '../../src/model/architecture.ts';
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

it('the prompt’s examples on an empty architecture apply and expand', () => {
  const template = readFileSync(new URL('../../prompts/system.md', import.meta.url), 'utf8');
  const examples = [...template.matchAll(/\(empty architecture\) →\n`(\{"intent"[\s\S]*?\})`/g)].map(
    (m) => JSON.parse(m[1]!) as { operations: unknown[] },
  );
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const example of examples) {
    const result = applyOperations(emptyArchitecture(), example.operations);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(Object.keys(expandArchitecture(result.architecture).Resources).length).toBeGreaterThan(0);
  }
});
