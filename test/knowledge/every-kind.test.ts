import { describe, expect, it } from 'vitest';
import { expandArchitecture, kindCatalogue, validAccessModes } from '../../src/knowledge/index.ts';
import type { Architecture } from '../../src/model/architecture.ts';
import { COMPONENT_KINDS, ENVIRONMENTS } from '../../src/model/kinds.ts';
import { validateTemplate } from '../../src/spec/index.ts';
import { shopArchitecture } from './support/shop-architecture.ts';

const arch = (
  environment: Architecture['environment'],
  components: Architecture['components'],
  connections: Architecture['connections'] = [],
) => shopArchitecture(environment, components, connections);

const id = (kind: string) => kind.replace(/_/g, '-');

describe('every kind expands into a template valid against the CloudFormation spec', () => {
  for (const environment of ENVIRONMENTS) {
    for (const kind of COMPONENT_KINDS) {
      it(`${kind} in ${environment}`, () => {
        const template = expandArchitecture(arch(environment, [{ id: id(kind), kind, params: {} }]));
        expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
        expect(validateTemplate(template)).toEqual([]);
      });
    }
  }
});

describe('every valid kind pair with every valid access mode is valid against the spec', () => {
  const pairs = COMPONENT_KINDS.flatMap((from) =>
    COMPONENT_KINDS.flatMap((to) => validAccessModes(from, to).map((access) => ({ from, to, access }))),
  );

  it('has a good number of connectable pairs', () => {
    expect(pairs.length).toBeGreaterThan(60);
  });

  for (const environment of ['dev', 'prod'] as const) {
    it(`all ${pairs.length} pairs in ${environment}`, () => {
      const failures: string[] = [];
      for (const { from, to, access } of pairs) {
        const fromId = `${id(from)}-a`;
        const toId = `${id(to)}-b`;
        const template = expandArchitecture(
          arch(
            environment,
            [
              { id: fromId, kind: from, params: {} },
              { id: toId, kind: to, params: {} },
            ],
            [{ from: fromId, to: toId, access }],
          ),
        );
        for (const issue of validateTemplate(template))
          failures.push(`${from} -${access}-> ${to}: ${issue.path} ${issue.message}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('kind catalogue', () => {
  it('lists every kind with params and defaults for every environment', () => {
    const catalogue = kindCatalogue();
    expect(catalogue.map((e) => e.kind)).toEqual([...COMPONENT_KINDS]);
    for (const entry of catalogue) {
      expect(entry.description.length).toBeGreaterThan(40);
      expect(entry.awsResources.length).toBeGreaterThan(0);
      for (const p of entry.params) {
        expect(Object.keys(p.default)).toEqual(['dev', 'staging', 'prod']);
        expect(p.description.length).toBeGreaterThan(5);
      }
    }
    const postgres = catalogue.find((e) => e.kind === 'postgres')!;
    expect(postgres.params.find((p) => p.name === 'multi_az')!.default).toEqual({
      dev: false,
      staging: false,
      prod: true,
    });
    expect(catalogue).toEqual(kindCatalogue());
  });
});
