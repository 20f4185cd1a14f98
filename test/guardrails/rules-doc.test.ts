import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/guardrails/registry/render-rules-doc.ts';
import { builtInRuleFiles } from '../../src/guardrails/rules/index.ts';

const docsDir = join(import.meta.dirname, '../../docs');

describe('docs/rules.md and docs/rules/', () => {
  it('list every built-in rule as generated (run `npm run rules:docs` when this fails)', () => {
    const expected = renderRulesDoc(builtInRuleFiles);
    for (const [path, text] of expected) expect(readFileSync(join(docsDir, path), 'utf8'), path).toBe(text);
    const pages = readdirSync(join(docsDir, 'rules')).map((f) => `rules/${f}`);
    expect(pages.filter((path) => !expected.has(path))).toEqual([]);
  });

  it('names each rule with its severity, references and fix on its service page', () => {
    const docs = renderRulesDoc(builtInRuleFiles);
    for (const { service, rule } of builtInRuleFiles) {
      expect(docs.get(`rules/${service}.md`)).toContain(`| \`${rule.id}\` | `);
    }
    expect(docs.get('rules/s3.md')).toMatch(
      /\| `s3-bucket-block-public-acls` \| .* \| error \| AWS::S3::Bucket \| CKV_AWS_53, AwsSolutions-S2 \| yes, safe: set BlockPublicAcls to true .* \|/,
    );
    expect(docs.get('rules.md')).toContain(
      `| [s3](rules/s3.md) | ${builtInRuleFiles.filter((f) => f.service === 's3').length} |`,
    );
  });
});
