import { defineTemplateRule } from '../../rule.ts';
import { eachItem, expectOneOf, PASS, unknown } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ecs-task-efs-transit-encryption',
  title: 'ECS tasks mount EFS volumes with encryption in transit',
  severity: 'error',
  rationale: 'Without TLS, file data travels unencrypted between the task and the file system.',
  remediation: 'Set EFSVolumeConfiguration.TransitEncryption to ENABLED on every EFS volume.',
  references: ['CKV_AWS_97'],
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  check: (task) =>
    eachItem(task, 'Volumes', (v) => {
      const efs = task.has(`${v}.EFSVolumeConfiguration`);
      if (!efs.known) return unknown(`${v}.EFSVolumeConfiguration`, efs.reason);
      if (!efs.value) return PASS;
      return expectOneOf(
        task,
        `${v}.EFSVolumeConfiguration.TransitEncryption`,
        ['ENABLED'],
        'EFS traffic is not encrypted',
        { absent: 'DISABLED' },
      );
    }),
  fix: {
    description: 'enable transit encryption on EFS volumes',
    safe: true,
    patch: (task) => {
      const n = task.length('Volumes');
      const count = n.known ? (n.value ?? 0) : 0;
      return Array.from({ length: count }, (_, i) => {
        const efs = task.has(`Volumes.${i}.EFSVolumeConfiguration`);
        return efs.known && efs.value
          ? setProperty(task, `Volumes.${i}.EFSVolumeConfiguration.TransitEncryption`, 'ENABLED')
          : [];
      }).flat();
    },
  },
});
