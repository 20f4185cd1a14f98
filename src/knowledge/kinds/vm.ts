import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { encryptedRootVolume } from '../encrypted-root-volume.ts';
import { assumeRolePolicy, inlinePolicies, managedPolicyArn } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';
import { routeTargetParams } from '../route-target-params.ts';
import { envWithSecretArns } from '../secret-arn-env.ts';
import { securityGroup } from '../security-group.ts';

export default defineKind({
  kind: 'vm',
  title: 'Virtual machine',
  description:
    "An EC2 instance in a private subnet from the latest Amazon Linux 2023 AMI: IMDSv2 only, encrypted gp3 root volume, detailed monitoring, Session Manager instead of SSH, instance role with only its connections' grants; connection endpoints are written to /etc/app.env.",
  awsResources: [
    'AWS::EC2::Instance',
    'AWS::EC2::LaunchTemplate',
    'AWS::IAM::Role',
    'AWS::IAM::InstanceProfile',
    'AWS::EC2::SecurityGroup',
  ],
  network: 'always',
  compute: { workloadRole: 'role', securityGroupRole: 'sg', canJoinVpc: true, usesData: true },
  params: [
    param({
      name: 'instance_type',
      type: 'string',
      description: 'EC2 instance type (match the architecture).',
      default: { dev: 't4g.small', staging: 't4g.medium', prod: 'm7g.large' },
      pattern: '^[a-z0-9-]+\\.[a-z0-9]+$',
    }),
    param({
      name: 'architecture',
      type: 'string',
      description: 'CPU architecture of the AMI.',
      default: 'arm64',
      allowed: ['arm64', 'x86_64'],
    }),
    param({
      name: 'disk_gb',
      type: 'integer',
      unit: 'GB',
      description: 'Root volume size.',
      default: 20,
      min: 8,
      max: 16384,
    }),
    ...routeTargetParams('Port receiving load balancer traffic.'),
  ],
  expand(ctx) {
    const { params, inbound } = ctx;
    const out: Record<string, ResourceDraft> = {};
    const ami = ctx.parameter(`${ctx.id}-ami`, {
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Description: `AMI of ${ctx.id} (SSM public parameter)`,
      Default: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${params.architecture}`,
    });
    const role: Record<string, CfnValue> = {
      Description: `Instance role of ${ctx.id}`,
      AssumeRolePolicyDocument: assumeRolePolicy('ec2.amazonaws.com'),
      ManagedPolicyArns: [managedPolicyArn(ctx.architecture.region, 'AmazonSSMManagedInstanceCore')],
    };
    const statements = [...inbound.statements, ...inbound.executionStatements];
    if (statements.length > 0) role.Policies = inlinePolicies('least-privilege', statements);
    out.role = { Type: 'AWS::IAM::Role', Properties: role };
    out['instance-profile'] = {
      Type: 'AWS::IAM::InstanceProfile',
      Properties: { Roles: [ref(ctx.logicalId('role'))] },
    };
    out.sg = securityGroup(ctx, inbound, { description: `VM ${ctx.id}`, egressHttps: true });
    const envLines: CfnValue[] = ['#!/bin/bash\nset -euo pipefail\ncat > /etc/app.env <<EOF\n'];
    for (const [key, value] of Object.entries(envWithSecretArns(inbound)))
      envLines.push(`${key}=`, value, '\n');
    envLines.push('EOF\nchmod 600 /etc/app.env\n');
    out['launch-template'] = {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
          Monitoring: { Enabled: true },
        },
      },
    };
    out.instance = {
      Type: 'AWS::EC2::Instance',
      Properties: {
        ImageId: ami,
        InstanceType: params.instance_type as string,
        LaunchTemplate: {
          LaunchTemplateId: ref(ctx.logicalId('launch-template')),
          Version: getAtt(ctx.logicalId('launch-template'), 'LatestVersionNumber'),
        },
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
        BlockDeviceMappings: encryptedRootVolume(params.disk_gb as number),
        IamInstanceProfile: ref(ctx.logicalId('instance-profile')),
        SubnetId: ctx.network().privateSubnets[0]!,
        SecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        EbsOptimized: true,
        Monitoring: true,
        DisableApiTermination: ctx.prod,
        UserData: { 'Fn::Base64': { 'Fn::Join': ['', envLines] } },
        Tags: [{ Key: 'Name', Value: ctx.name() }],
      },
    };
    return out;
  },
});
