import { join } from 'node:path';
import type { ExternalSet, ExternalSource } from '../external-source.ts';
import { SetBuilder } from '../set-builder.ts';
import { caseId, joinParagraphs, listFiles, readTemplate, relativeReader } from '../source-files.ts';
import { truthCase } from '../truth-case.ts';

const TEMPLATE = /\.(ya?ml|json)$/;

/** `X.json` beside `X.yaml`/`X.yml` is the same template converted; `X-pkg.*` beside `X.*` is it packaged. */
function duplicateOf(path: string, all: ReadonlySet<string>): string | undefined {
  const stem = path.replace(TEMPLATE, '');
  if (path.endsWith('.json') && (all.has(`${stem}.yaml`) || all.has(`${stem}.yml`))) {
    return 'JSON copy of a YAML template';
  }
  if (stem.endsWith('-pkg') && [...all].some((p) => p.replace(TEMPLATE, '') === stem.slice(0, -4))) {
    return 'packaged copy of a template';
  }
  return undefined;
}

/**
 * aws-cloudformation/aws-cloudformation-templates: one case per template, its text the template's own
 * `Description` (verbatim but for whitespace), its truth the template. JSON copies of YAML templates and
 * packaged copies count once.
 */
export const cloudformationTemplates: ExternalSource = {
  name: 'cfn-templates',
  repo: 'aws-cloudformation/aws-cloudformation-templates',
  load(root: string): ExternalSet {
    const set = new SetBuilder();
    const files = listFiles(root, 8, (p) => TEMPLATE.test(p) && !p.startsWith('.'));
    const all = new Set(files);
    for (const path of files) {
      const duplicate = duplicateOf(path, all);
      if (duplicate !== undefined) {
        set.skip(duplicate);
        continue;
      }
      const template = readTemplate(join(root, path));
      if (template === undefined) {
        set.skip('not a template');
        continue;
      }
      const text = joinParagraphs([template.Description]);
      if (text.length === 0) {
        set.skip('no Description');
        continue;
      }
      const id = caseId('cfn', path.replace(TEMPLATE, ''));
      const made = truthCase(this.name, id, text, template, relativeReader(root, join(root, path)));
      set.add(made);
    }
    return set.result();
  },
};
