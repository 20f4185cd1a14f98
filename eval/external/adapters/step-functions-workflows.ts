import { dirname, join } from 'node:path';
import type { ExternalSet, ExternalSource } from '../external-source.ts';
import { markdownProse } from '../markdown-text.ts';
import { SetBuilder } from '../set-builder.ts';
import {
  caseId,
  joinParagraphs,
  listDirectories,
  listFiles,
  readTemplate,
  readText,
  relativeReader,
} from '../source-files.ts';
import { parseDocument } from '../truth/parse-document.ts';
import { isRecord } from '../truth/template-context.ts';
import { truthCase } from '../truth-case.ts';

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/;
const DEFAULT_TEMPLATES = ['template.yaml', 'template.yml', 'template.json'];

/** One workflow: its directory, its text, and the metadata's pointer to its template (when it has one). */
interface Workflow {
  dir: string;
  text: string;
  github: Record<string, unknown>;
}

/** The workflow's own words: title, description and the "How it works" paragraphs. */
function metadataWorkflow(dir: string, meta: Record<string, unknown>): Workflow {
  const intro = isRecord(meta.introBox) ? meta.introBox.text : undefined;
  const paragraphs = Array.isArray(intro) ? intro : [intro];
  const github = isRecord(meta.gitHub) && isRecord(meta.gitHub.template) ? meta.gitHub.template : {};
  return { dir, text: joinParagraphs([meta.title, meta.description, ...paragraphs]), github };
}

/** A workflow without metadata: its README's title, opening paragraphs and "How it works" section. */
function readmeWorkflow(dir: string, markdown: string): Workflow {
  const prose = markdownProse(markdown);
  const how = prose.sections.get('how it works') ?? [];
  return { dir, text: joinParagraphs([prose.title, ...prose.intro, ...how]), github: {} };
}

/** Where the workflow's template is: the metadata's `gitHub.template`, else a `template.yaml` beside it. */
function templateCandidates(root: string, workflow: Workflow): string[] {
  const { dir, github } = workflow;
  const file = typeof github.templateFile === 'string' ? github.templateFile : undefined;
  const sub = typeof github.templateDir === 'string' ? github.templateDir : '';
  const named =
    file !== undefined && TEMPLATE_FILE.test(file)
      ? [join(root, dir, file), join(root, dir, sub, file), join(root, file), join(root, sub, file)]
      : [];
  return [...named, ...DEFAULT_TEMPLATES.map((f) => join(root, dir, f))];
}

/** The workflows of one top-level directory (one per metadata file's directory), or a skip reason. */
function workflowsIn(root: string, top: string, set: SetBuilder): Workflow[] {
  const metas = listFiles(join(root, top), 2, (p) => p.endsWith('.json')).filter((p) =>
    (readText(join(root, top, p)) ?? '').includes('"introBox"'),
  );
  if (metas.length === 0) {
    const readme = readText(join(root, top, 'README.md'));
    if (readme !== undefined) return [readmeWorkflow(top, readme)];
    set.skip('no metadata file and no README');
    return [];
  }
  const out: Workflow[] = [];
  for (const path of metas) {
    const dir = dirname(`${top}/${path}`);
    if (out.some((w) => w.dir === dir)) {
      set.skip('second metadata file of a workflow');
      continue;
    }
    const meta = parseDocument(readText(join(root, top, path)) ?? '');
    const readme = readText(join(root, dir, 'README.md'));
    if (isRecord(meta)) out.push(metadataWorkflow(dir, meta));
    else if (readme !== undefined) out.push(readmeWorkflow(dir, readme));
    else set.skip('unreadable metadata and no README');
  }
  return out;
}

/**
 * aws-samples/step-functions-workflows-collection: one case per workflow, its text the metadata's title,
 * description and "How it works" (the README's when the metadata is absent or unreadable), its truth the workflow's
 * SAM/CloudFormation template with its state machine definition files.
 */
export const stepFunctionsWorkflows: ExternalSource = {
  name: 'sfn-workflows',
  repo: 'aws-samples/step-functions-workflows-collection',
  load(root: string): ExternalSet {
    const set = new SetBuilder();
    for (const top of listDirectories(root)) {
      if (top.startsWith('_') || top.startsWith('.')) {
        set.skip('contributor scaffolding, not a workflow');
        continue;
      }
      for (const workflow of workflowsIn(root, top, set)) {
        if (workflow.text.length === 0) {
          set.skip('no text');
          continue;
        }
        const templatePath = templateCandidates(root, workflow).find((p) => readText(p) !== undefined);
        const template = templatePath === undefined ? undefined : readTemplate(templatePath);
        if (templatePath === undefined || template === undefined) {
          set.skip(
            templatePath === undefined
              ? 'no CloudFormation/SAM template (CDK, Terraform)'
              : 'unreadable template',
          );
          continue;
        }
        const id = caseId('sfn', workflow.dir);
        const made = truthCase(this.name, id, workflow.text, template, relativeReader(root, templatePath));
        set.add(made);
      }
    }
    return set.result();
  },
};
