/**
 * `npm run rules:docs`: regenerate docs/rules.md (the services) and docs/rules/<service>.md (their rules)
 * from the built-in rules. `--check` exits 1 (without writing) when any is out of date.
 */
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/guardrails/registry/render-rules-doc.ts';
import { builtInRuleFiles } from '../src/guardrails/rules/index.ts';
import { syncGeneratedFiles } from './sync-generated-files.ts';

syncGeneratedFiles(
  {
    root: fileURLToPath(new URL('../docs/', import.meta.url)),
    name: 'docs/rules.md and docs/rules/',
    label: 'rules documentation',
    script: 'rules:docs',
    rules: builtInRuleFiles.length,
    ownedDir: 'rules',
  },
  renderRulesDoc(builtInRuleFiles),
);
