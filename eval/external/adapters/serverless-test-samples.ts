import { join } from 'node:path';
import type { ExternalSet, ExternalSource } from '../external-source.ts';
import { SetBuilder } from '../set-builder.ts';
import {
  caseId,
  listDirectories,
  listFiles,
  readTemplate,
  readText,
  relativeReader,
} from '../source-files.ts';
import { truthCase } from '../truth-case.ts';
import { sampleReadmeText } from './sample-readme-text.ts';

/** A sample's template is a file of one of these names; how deep under the sample it is looked for. */
const TEMPLATE_NAME = /(^|\/)template\.(ya?ml|json)$/;
const TEMPLATE_DEPTH = 4;

/** Why a sample yields no case (the truth mapper adds "nothing of our kinds in the template"). */
export const SKIP = {
  noReadme: 'no README',
  cdkOrTerraform: 'no SAM/CloudFormation template (CDK or Terraform)',
  noTemplate: 'no SAM/CloudFormation template',
  severalTemplates: 'several templates at the shallowest level',
  unreadableTemplate: 'unreadable template',
  noText: 'no text describing the sample',
  languageVariant: 'language variant of a sample already taken',
} as const;

/**
 * The sample's own template: the shallowest `template.yaml`/`.yml`/`.json` under it (a sample keeps it at its
 * root or in `src/`; deeper ones belong to parts deployed apart), or the reason there is none.
 */
function sampleTemplate(root: string, sample: string): string | { skip: string } {
  const dir = join(root, sample);
  const found = listFiles(dir, TEMPLATE_DEPTH, (p) => TEMPLATE_NAME.test(p));
  if (found.length === 0) {
    const other = listFiles(dir, TEMPLATE_DEPTH, (p) => p.endsWith('cdk.json') || p.endsWith('.tf'));
    return { skip: other.length > 0 ? SKIP.cdkOrTerraform : SKIP.noTemplate };
  }
  const depth = (p: string) => p.split('/').length;
  const shallowest = Math.min(...found.map(depth));
  const top = found.filter((p) => depth(p) === shallowest);
  return top.length === 1 && top[0] !== undefined ? join(dir, top[0]) : { skip: SKIP.severalTemplates };
}

/**
 * aws-samples/serverless-test-samples: one case per sample (`<language>-test-samples/<sample>`,
 * `workshops/<sample>`), its text the README's title and the sections that describe what it deploys
 * (`sampleReadmeText`), its truth the sample's SAM/CloudFormation template. A sample written in several
 * languages (one directory name under several language folders) counts once: the first variant, in the
 * folders' alphabetical order (dotnet, java, python, typescript, workshops), that yields a case.
 */
export const serverlessTestSamples: ExternalSource = {
  name: 'serverless-test-samples',
  repo: 'aws-samples/serverless-test-samples',
  load(root: string): ExternalSet {
    const set = new SetBuilder();
    const taken = new Set<string>();
    const folders = listDirectories(root).filter((d) => !d.startsWith('_') && !d.startsWith('.'));
    for (const folder of folders) {
      for (const name of listDirectories(join(root, folder))) {
        if (taken.has(name)) {
          set.skip(SKIP.languageVariant);
          continue;
        }
        const sample = `${folder}/${name}`;
        const readme = readText(join(root, sample, 'README.md'));
        if (readme === undefined) {
          set.skip(SKIP.noReadme);
          continue;
        }
        const templatePath = sampleTemplate(root, sample);
        if (typeof templatePath !== 'string') {
          set.skip(templatePath.skip);
          continue;
        }
        const template = readTemplate(templatePath);
        const text = sampleReadmeText(readme);
        if (template === undefined || text.length === 0) {
          set.skip(template === undefined ? SKIP.unreadableTemplate : SKIP.noText);
          continue;
        }
        const id = caseId('sts', sample.replace(/-test-samples\//, '-'));
        const made = truthCase(this.name, id, text, template, relativeReader(root, templatePath));
        if (typeof made !== 'string') taken.add(name);
        set.add(made);
      }
    }
    return set.result();
  },
};
