import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'efs-access-point-posix-user',
  title: 'EFS access points enforce a POSIX user',
  severity: 'info',
  rationale: 'Without an enforced user, clients act with whatever UID they claim, including root.',
  remediation: 'Set PosixUser with Uid and Gid for the application.',
  references: ['https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html'],
  resourceTypes: ['AWS::EFS::AccessPoint'],
  check: (ap) => expectPresent(ap, 'PosixUser.Uid', 'Clients choose their own user'),
});
