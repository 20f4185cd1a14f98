import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, show, unknown } from '../_support/check-result.ts';
import { setAttribute } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'kms-key-retain-on-delete',
  title: 'KMS keys are retained when removed from the stack',
  severity: 'warning',
  rationale:
    'Deleting the stack schedules the key for deletion; once deleted, everything encrypted with it (backups included) is unreadable forever.',
  remediation: 'Set DeletionPolicy and UpdateReplacePolicy to Retain.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html'],
  resourceTypes: ['AWS::KMS::Key'],
  check: (key) => {
    const policy = key.raw.DeletionPolicy;
    if (policy === 'Retain' || policy === 'RetainExceptOnCreate') return PASS;
    if (policy !== undefined && typeof policy !== 'string')
      return unknown('DeletionPolicy', 'the DeletionPolicy is not a plain string');
    return fail(
      'DeletionPolicy',
      `The key is scheduled for deletion with the stack: DeletionPolicy is ${show(policy)}${policy === undefined ? ' (Delete)' : ''}; expected Retain`,
      policy ?? 'Delete',
      'Retain',
    );
  },
  fix: {
    description: 'retain the key when it leaves the stack',
    safe: true,
    patch: (key) => [
      ...setAttribute(key, 'DeletionPolicy', 'Retain'),
      ...setAttribute(key, 'UpdateReplacePolicy', 'Retain'),
    ],
  },
});
