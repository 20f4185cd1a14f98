import type { CfnValue } from './cfn.ts';

/** The block device mapping of an EC2 instance's root volume: encrypted gp3, deleted with the instance. */
export function encryptedRootVolume(sizeGb: number): CfnValue[] {
  return [
    {
      DeviceName: '/dev/xvda',
      Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: sizeGb, DeleteOnTermination: true },
    },
  ];
}
