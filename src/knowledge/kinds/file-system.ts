import { getAtt, ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type Grant, type ResourceDraft, type TargetRef } from '../kind-definition.ts';
import { param } from '../params.ts';
import { securityGroup } from '../security-group.ts';

function mountGrant(t: TargetRef, write: boolean): Grant {
  const fs = getAtt(t.logicalId('file-system'), 'Arn');
  const actions = write
    ? ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']
    : ['elasticfilesystem:ClientMount'];
  return {
    statements: [
      statement(t.sid(write ? 'mount-write' : 'mount-read'), actions, [fs], {
        StringEquals: { 'elasticfilesystem:AccessPointArn': getAtt(t.logicalId('access-point'), 'Arn') },
      }),
    ],
    env: { [`${t.envPrefix}_MOUNT_PATH`]: `/mnt/${t.id}` },
    mount: {
      peer: t.id,
      fileSystemId: ref(t.logicalId('file-system')),
      accessPointId: ref(t.logicalId('access-point')),
      accessPointArn: getAtt(t.logicalId('access-point'), 'Arn'),
      dependsOn: [t.logicalId('mount-target-1'), t.logicalId('mount-target-2')],
    },
  };
}

export default defineKind({
  kind: 'file_system',
  title: 'File system',
  description:
    'An EFS file system: encrypted at rest, TLS required by its file system policy, automatic backups, mount targets in two private subnets, an access point; consumers mount it through the access point, reaching it only from their own security group on 2049.',
  awsResources: [
    'AWS::EFS::FileSystem',
    'AWS::EFS::MountTarget',
    'AWS::EFS::AccessPoint',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  params: [
    param({
      name: 'throughput_mode',
      type: 'string',
      description: 'Throughput mode.',
      default: 'elastic',
      allowed: ['elastic', 'bursting'],
    }),
    param({
      name: 'infrequent_access_after_days',
      type: 'integer',
      unit: 'days',
      description: 'Move files not read for this long to infrequent access.',
      default: 30,
      allowed: [1, 7, 14, 30, 60, 90, 180, 270, 365],
    }),
    param({
      name: 'storage_gb',
      type: 'number',
      unit: 'GB',
      description: 'Cost assumption: data stored.',
      default: 20,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: { read: (t) => mountGrant(t, false), readwrite: (t) => mountGrant(t, true) },
    network: { port: () => 2049, securityGroupRole: 'sg' },
  },
  expand(ctx) {
    const out: Record<string, ResourceDraft> = {};
    const network = ctx.network();
    const days = ctx.params.infrequent_access_after_days as number;
    out.sg = securityGroup(ctx, ctx.inbound, { description: `File system ${ctx.id}`, egressHttps: false });
    out['file-system'] = {
      Type: 'AWS::EFS::FileSystem',
      ...ctx.statefulPolicy(),
      Properties: {
        Encrypted: true,
        PerformanceMode: 'generalPurpose',
        ThroughputMode: ctx.params.throughput_mode as string,
        BackupPolicy: { Status: 'ENABLED' },
        LifecyclePolicies: [{ TransitionToIA: `AFTER_${days}_DAY${days === 1 ? '' : 'S'}` }],
        FileSystemPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
        FileSystemTags: [{ Key: 'Name', Value: ctx.name() }],
      },
    };
    network.privateSubnets.forEach((subnet, index) => {
      out[`mount-target-${index + 1}`] = {
        Type: 'AWS::EFS::MountTarget',
        Properties: {
          FileSystemId: ref(ctx.logicalId('file-system')),
          SubnetId: subnet,
          SecurityGroups: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        },
      };
    });
    out['access-point'] = {
      Type: 'AWS::EFS::AccessPoint',
      Properties: {
        FileSystemId: ref(ctx.logicalId('file-system')),
        PosixUser: { Uid: '1000', Gid: '1000' },
        RootDirectory: {
          Path: '/data',
          CreationInfo: { OwnerUid: '1000', OwnerGid: '1000', Permissions: '750' },
        },
      },
    };
    return out;
  },
});
