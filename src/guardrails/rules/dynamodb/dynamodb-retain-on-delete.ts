import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, show, unknown } from '../_support/check-result.ts';
import { setAttribute } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'dynamodb-retain-on-delete',
  title: 'DynamoDB tables are retained when removed from the stack',
  severity: 'warning',
  rationale:
    'Without DeletionPolicy Retain, deleting the stack or replacing the table deletes every item in it.',
  remediation: 'Set DeletionPolicy and UpdateReplacePolicy to Retain.',
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
  ],
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  check: (table) => {
    const policy = table.raw.DeletionPolicy;
    if (policy === 'Retain' || policy === 'RetainExceptOnCreate' || policy === 'Snapshot') return PASS;
    if (policy !== undefined && typeof policy !== 'string')
      return unknown('DeletionPolicy', 'the DeletionPolicy is not a plain string');
    return fail(
      'DeletionPolicy',
      `The table is deleted with the stack: DeletionPolicy is ${show(policy)}${policy === undefined ? ' (Delete)' : ''}; expected Retain`,
      policy ?? 'Delete',
      'Retain',
    );
  },
  fix: {
    description: 'retain the table when it leaves the stack',
    safe: true,
    patch: (table) => [
      ...setAttribute(table, 'DeletionPolicy', 'Retain'),
      ...setAttribute(table, 'UpdateReplacePolicy', 'Retain'),
    ],
  },
});
