import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import { renderTemplate } from '../../src/render/index.ts';
import { validateTemplate } from '../../src/spec/index.ts';
import { GOLDEN_ARCHITECTURES } from './architectures.ts';

/** `UPDATE_GOLDEN=1 vitest run test/golden` rewrites the YAML files after a deliberate change. */
const update = process.env.UPDATE_GOLDEN === '1';
const here = dirname(fileURLToPath(import.meta.url));

describe('golden templates', () => {
  for (const [name, architecture] of Object.entries(GOLDEN_ARCHITECTURES)) {
    it(`${name} renders to the reviewed YAML and is valid against the spec`, () => {
      const template = expandArchitecture(architecture);
      expect(validateTemplate(template)).toEqual([]);
      const { yaml } = renderTemplate(template);
      const file = join(here, `${name}.yaml`);
      if (update) writeFileSync(file, yaml);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(yaml).toBe(readFileSync(file, 'utf8'));
    });
  }
});
