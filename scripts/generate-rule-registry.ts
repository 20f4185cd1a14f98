/**
 * `npm run rules:registry`: regenerate src/guardrails/rules/index.ts from the rule files on disk.
 * `--check` exits 1 (without writing) when the file is out of date.
 */
import { fileURLToPath } from 'node:url';
import { listRuleFiles } from '../src/guardrails/registry/list-rule-files.ts';
import { renderRuleRegistry } from '../src/guardrails/registry/render-rule-registry.ts';
import { syncGeneratedFile } from './sync-generated-file.ts';

const rulesDir = fileURLToPath(new URL('../src/guardrails/rules/', import.meta.url));
const files = listRuleFiles(rulesDir);
syncGeneratedFile(
  {
    target: `${rulesDir}index.ts`,
    name: 'src/guardrails/rules/index.ts',
    label: 'rule registry',
    script: 'rules:registry',
    rules: files.length,
  },
  renderRuleRegistry(files),
);
