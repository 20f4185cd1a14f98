import type { TemplateRule } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from './check-result.ts';
import { setProperty } from './template-patch.ts';

/**
 * The four settings of an S3 bucket's public access block, one rule each so each Checkov id gets its own
 * verdict. Absent settings are false (the bucket-level block is off unless declared).
 */
export const PUBLIC_ACCESS_BLOCK_SETTINGS = [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
] as const;

export type PublicAccessBlockSetting = (typeof PUBLIC_ACCESS_BLOCK_SETTINGS)[number];

const CONFIG = 'PublicAccessBlockConfiguration';

interface PublicAccessBlockRule {
  readonly id: string;
  readonly setting: PublicAccessBlockSetting;
  readonly title: string;
  readonly rationale: string;
  readonly references: readonly string[];
}

export function definePublicAccessBlockRule(rule: PublicAccessBlockRule): TemplateRule {
  const path = `${CONFIG}.${rule.setting}`;
  return defineTemplateRule({
    id: rule.id,
    title: rule.title,
    severity: 'error',
    resourceTypes: ['AWS::S3::Bucket'],
    rationale: rule.rationale,
    remediation: `Set ${path} to true (with the other three public access block settings); serve public content through CloudFront.`,
    references: rule.references,
    check: (bucket) => expectBool(bucket, path, true, 'Public access is not blocked', { absent: false }),
    fix: {
      description: `set ${rule.setting} to true (all four settings when the bucket declares none)`,
      safe: true,
      patch: (bucket) => {
        const declared = bucket.has(CONFIG);
        if (declared.known && declared.value) return setProperty(bucket, path, true);
        const all = Object.fromEntries(PUBLIC_ACCESS_BLOCK_SETTINGS.map((setting) => [setting, true]));
        return setProperty(bucket, CONFIG, all);
      },
    },
  });
}
