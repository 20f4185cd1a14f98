/**
 * `npm run rules:registry`: regenerate src/guardrails/rules/index.ts and the per-service lists in
 * src/guardrails/rules/_registry/ from the rule files on disk. `--check` exits 1 (without writing) when any
 * is out of date.
 */
import { fileURLToPath } from 'node:url';
import { listRuleFiles } from '../src/guardrails/registry/list-rule-files.ts';
import { REGISTRY_DIR, renderRuleRegistry } from '../src/guardrails/registry/render-rule-registry.ts';
import { syncGeneratedFiles } from './sync-generated-files.ts';

const rulesDir = fileURLToPath(new URL('../src/guardrails/rules/', import.meta.url));
const files = listRuleFiles(rulesDir);
syncGeneratedFiles(
  {
    root: rulesDir,
    name: 'src/guardrails/rules (index.ts, _registry/)',
    label: 'rule registry',
    script: 'rules:registry',
    rules: files.length,
    ownedDir: REGISTRY_DIR,
  },
  renderRuleRegistry(files),
);
