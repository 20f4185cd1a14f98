/**
 * Logical ids are injective over component ids by construction: two different kebab ids never give the same
 * PascalCase name, so a component's resources never take another component's logical ids ("add 12 lambdas"
 * then "add 13 lambdas" made `function-12` and `function-1-2`, both `Function12...`). Ids without digits
 * after hyphens, glued digits or words starting with "y" keep the names they always had (issue 13, item 6).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import { logicalIdOf, pascalCase } from '../../src/knowledge/naming.ts';
import { type Architecture, ComponentId } from '../../src/model/architecture.ts';

/** Words that make collisions likely: digits, glued digits, single letters, y-words and ordinary words. */
const word = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '12',
    '21',
    '3',
    'a',
    'b',
    'y',
    'y1',
    'ya',
    'a1',
    'a12',
    'fn',
    'function',
    'db',
    's3',
  ),
  fc.stringMatching(/^[a-z0-9]{1,4}$/),
);
const kebabId = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,3}$/), fc.array(word, { maxLength: 4 }))
  .map(([first, rest]) => [first, ...rest].join('-'))
  .filter((id) => ComponentId.safeParse(id).success);
const role = fc.constantFrom(
  'role',
  'function',
  'log-group',
  'private-subnet-1',
  'nat-eip-2',
  'ingress-from-a-1',
);

/** Another id with the same characters but hyphens added or dropped: where collisions come from. */
const regrouped = (id: string, cuts: boolean[]) => {
  const chars = id.replaceAll('-', '');
  let out = chars[0] ?? 'a';
  for (let i = 1; i < chars.length; i++) out += (cuts[i % cuts.length] ? '-' : '') + chars[i];
  return out;
};
const idPair = fc
  .tuple(kebabId, fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }))
  .map(([id, cuts]) => [id, regrouped(id, cuts)] as const)
  .filter(([a, b]) => a !== b && ComponentId.safeParse(b).success);

describe('logical ids', () => {
  it('are different for different component ids (any role)', () => {
    fc.assert(
      fc.property(fc.oneof(idPair, fc.tuple(kebabId, kebabId)), role, ([a, b], r) => {
        fc.pre(a !== b);
        expect(pascalCase(a)).not.toBe(pascalCase(b));
        expect(logicalIdOf(a, r)).not.toBe(logicalIdOf(b, r));
      }),
      { numRuns: 20_000 },
    );
  });

  it('are alphanumeric, start with a letter and stay what they were for ordinary ids', () => {
    fc.assert(
      fc.property(kebabId, role, (id, r) => {
        expect(logicalIdOf(id, r)).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      }),
    );
    expect(logicalIdOf('orders-db', 'sg')).toBe('OrdersDbSg');
    expect(logicalIdOf('network', 'private-subnet-1')).toBe('NetworkPrivateSubnet1');
    expect(logicalIdOf('function-2', 'role')).toBe('Function2Role');
    expect(logicalIdOf('function-12', 'role')).toBe('Function12Role');
  });

  it('let "add 12 lambdas" then "add 13 lambdas" expand: function-12 and function-1-2 side by side', () => {
    const ids = [
      ...Array.from({ length: 12 }, (_, i) => `function-${i + 1}`),
      ...Array.from({ length: 12 }, (_, i) => `function-${i + 1}-2`),
      'function-13',
    ];
    const architecture: Architecture = {
      name: 'lambdas',
      team: 'payments',
      environment: 'dev',
      region: 'us-east-1',
      components: ids.map((id) => ({ id, kind: 'function', params: {} })),
      connections: [],
    };
    const template = expandArchitecture(architecture);
    const owners = Object.values(template.Resources).map(
      (r) => `${r.Metadata?.['copilot:component']}/${r.Metadata?.['copilot:role']}`,
    );
    expect(new Set(owners).size).toBe(owners.length);
    expect(owners.filter((o) => o.endsWith('/function'))).toHaveLength(25);
  });
});
