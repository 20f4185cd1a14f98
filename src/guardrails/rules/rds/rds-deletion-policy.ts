import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, show, unknown } from '../_support/check-result.ts';
import { standaloneInstance } from '../_support/rds-engine.ts';
import { setAttribute } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'rds-deletion-policy',
  title: 'RDS instances and Aurora clusters keep a snapshot when removed from the stack',
  severity: 'error',
  rationale:
    'With DeletionPolicy Delete, deleting the stack or renaming the resource deletes the database with no final snapshot.',
  remediation: 'Set DeletionPolicy and UpdateReplacePolicy to Snapshot (or Retain).',
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
  ],
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  check: (db) => {
    const applies = standaloneInstance(db);
    if (applies !== true) return applies === false ? PASS : applies;
    const policy = db.raw.DeletionPolicy;
    if (
      policy === undefined ||
      policy === 'Snapshot' ||
      policy === 'Retain' ||
      policy === 'RetainExceptOnCreate'
    )
      return PASS;
    if (typeof policy !== 'string')
      return unknown('DeletionPolicy', 'the DeletionPolicy is not a plain string');
    return fail(
      'DeletionPolicy',
      `The database is deleted without a snapshot: DeletionPolicy is ${show(policy)}; expected Snapshot or Retain`,
      policy,
      'Snapshot',
    );
  },
  fix: {
    description: 'take a final snapshot on delete',
    safe: true,
    patch: (db) => [
      ...setAttribute(db, 'DeletionPolicy', 'Snapshot'),
      ...setAttribute(db, 'UpdateReplacePolicy', 'Snapshot'),
    ],
  },
});
