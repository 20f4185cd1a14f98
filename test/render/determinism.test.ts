import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { renderTemplate } from '../../src/render/index.ts';
import { GOLDEN_ARCHITECTURES } from '../golden/architectures.ts';

const render = (architecture: Architecture) => renderTemplate(expandArchitecture(architecture));

describe('deterministic rendering', () => {
  for (const [name, architecture] of Object.entries(GOLDEN_ARCHITECTURES)) {
    it(`${name}: same architecture twice gives identical bytes`, () => {
      const first = render(architecture);
      const second = render(structuredClone(architecture));
      expect(second.json).toBe(first.json);
      expect(second.yaml).toBe(first.yaml);
    });

    it(`${name}: components and connections in any order give identical bytes`, () => {
      const expected = render(architecture);
      fc.assert(
        fc.property(
          fc.shuffledSubarray(architecture.components, { minLength: architecture.components.length }),
          fc.shuffledSubarray(architecture.connections, { minLength: architecture.connections.length }),
          (components, connections) => {
            const shuffled = render({ ...architecture, components, connections });
            expect(shuffled.json).toBe(expected.json);
            expect(shuffled.yaml).toBe(expected.yaml);
          },
        ),
        { numRuns: 10, seed: 42 },
      );
    });
  }

  it('param key order does not matter either', () => {
    const a: Architecture = {
      ...GOLDEN_ARCHITECTURES['scheduled-workflow']!,
    };
    const reordered: Architecture = {
      ...a,
      components: a.components.map((c) => ({
        ...c,
        params: Object.fromEntries(Object.entries(c.params).reverse()),
      })),
    };
    expect(render(reordered).json).toBe(render(a).json);
  });
});
