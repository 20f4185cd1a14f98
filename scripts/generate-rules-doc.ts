/**
 * `npm run rules:docs`: regenerate docs/rules.md from the built-in rules. `--check` exits 1 (without
 * writing) when the file is out of date.
 */
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/guardrails/registry/render-rules-doc.ts';
import { builtInRuleFiles } from '../src/guardrails/rules/index.ts';
import { syncGeneratedFile } from './sync-generated-file.ts';

syncGeneratedFile(
  {
    target: fileURLToPath(new URL('../docs/rules.md', import.meta.url)),
    name: 'docs/rules.md',
    label: 'docs/rules.md',
    script: 'rules:docs',
    rules: builtInRuleFiles.length,
  },
  renderRulesDoc(builtInRuleFiles),
);
