import { describe, expect, it } from 'vitest';
import { expandArchitecture, KIND_DEFINITIONS } from '../../src/knowledge/index.ts';
import type { ParamValue } from '../../src/model/architecture.ts';
import { COMPONENT_KINDS } from '../../src/model/kinds.ts';
import { validateTemplate } from '../../src/spec/index.ts';

/** Every enumerated or boolean param value of every kind, one at a time: the non-default branches. */
const variants = COMPONENT_KINDS.map((kind) => ({
  kind,
  values: KIND_DEFINITIONS[kind].params.flatMap((spec) =>
    (spec.type === 'boolean' ? [true, false] : spec.allowed ? [...spec.allowed] : []).map(
      (value: ParamValue) => ({
        name: spec.name,
        value,
      }),
    ),
  ),
})).filter((v) => v.values.length > 0);

describe('param variants stay valid against the spec', () => {
  it('covers most kinds', () => {
    expect(variants.length).toBeGreaterThanOrEqual(20);
  });

  for (const { kind, values } of variants) {
    it(`${kind}: ${values.length} variants`, () => {
      const failures: string[] = [];
      for (const { name, value } of values) {
        const template = expandArchitecture({
          name: 'variants',
          team: 't',
          environment: 'prod',
          region: 'eu-west-1',
          components: [{ id: 'x', kind, params: { [name]: value } }],
          connections: [],
        });
        for (const issue of validateTemplate(template))
          failures.push(`${name}=${String(value)}: ${issue.path} ${issue.message}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
