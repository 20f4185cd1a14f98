import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'eks-nodegroup-no-open-ssh',
  title: 'EKS node groups do not open SSH to the internet',
  severity: 'error',
  rationale:
    'A node group with an SSH key and no source security groups opens port 22 on every node to 0.0.0.0/0.',
  remediation:
    'Remove RemoteAccess (use SSM), or set RemoteAccess.SourceSecurityGroups to a bastion security group.',
  references: ['CKV_AWS_100'],
  resourceTypes: ['AWS::EKS::Nodegroup'],
  check: (group) => {
    const key = group.has('RemoteAccess.Ec2SshKey');
    if (!key.known) return unknown('RemoteAccess.Ec2SshKey', key.reason);
    if (!key.value) return PASS;
    const sources = group.has('RemoteAccess.SourceSecurityGroups');
    if (!sources.known) return unknown('RemoteAccess.SourceSecurityGroups', sources.reason);
    if (sources.value) return PASS;
    return fail(
      'RemoteAccess',
      'RemoteAccess has an SSH key and no SourceSecurityGroups, so SSH is open to 0.0.0.0/0; expected source security groups',
      '0.0.0.0/0',
      'SourceSecurityGroups',
    );
  },
});
