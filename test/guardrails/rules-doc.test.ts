import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/guardrails/registry/render-rules-doc.ts';
import { builtInRuleFiles } from '../../src/guardrails/rules/index.ts';

describe('docs/rules.md', () => {
  it('lists every built-in rule as generated (run `npm run rules:docs` when this fails)', () => {
    const current = readFileSync(join(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect(current).toBe(renderRulesDoc(builtInRuleFiles));
  });

  it('names each rule with its severity, references and fix', () => {
    const doc = renderRulesDoc(builtInRuleFiles);
    for (const { rule } of builtInRuleFiles) expect(doc).toContain(`| \`${rule.id}\` | `);
    expect(doc).toMatch(
      /\| `s3-bucket-public-access-block` \| .* \| error \| AWS::S3::Bucket \| CKV_AWS_53, .* \| yes, safe: block all public access \|/,
    );
  });
});
