import { getAtt, ref } from '../cfn.ts';
import { encryptedRootVolume } from '../encrypted-root-volume.ts';
import { assumeRolePolicy, managedPolicyArn } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { kmsKey } from '../kms-key.ts';
import { param } from '../params.ts';
import { hasWorkloadAccess, POD_IDENTITY_ROLES, podIdentity } from '../pod-identity.ts';
import { securityGroup } from '../security-group.ts';

const KUBERNETES_NAME = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';

export default defineKind({
  kind: 'k8s_cluster',
  title: 'Kubernetes cluster',
  description:
    'An EKS cluster with a private API endpoint only, all control-plane logs, secrets envelope-encrypted with its own KMS key, and a managed node group in private subnets (IMDSv2, encrypted volumes); connections to data stores and services give the pods of one namespace/service account an EKS Pod Identity role with only their grants, and admit the cluster security group on VPC data stores.',
  awsResources: [
    'AWS::EKS::Cluster',
    'AWS::EKS::Nodegroup',
    'AWS::IAM::Role',
    'AWS::KMS::Key',
    'AWS::EC2::LaunchTemplate',
    'AWS::EC2::SecurityGroup',
    'AWS::EKS::PodIdentityAssociation',
    'AWS::EKS::Addon',
  ],
  network: 'always',
  // Nodes of a managed node group whose launch template names no security group get the cluster security
  // group EKS creates; pods (VPC CNI) use the node's, so that is the group data stores admit.
  compute: {
    workloadRole: POD_IDENTITY_ROLES.role,
    securityGroupRole: 'cluster',
    securityGroupAttribute: 'ClusterSecurityGroupId',
    canJoinVpc: true,
    usesData: true,
    notConnectable: {
      registry:
        'Nodes pull images with the node role (AmazonEC2ContainerRegistryReadOnly); a grant to the pods would not be the one used.',
    },
  },
  params: [
    param({
      name: 'version',
      type: 'string',
      description: 'Kubernetes version.',
      default: '1.31',
      pattern: '^1\\.[0-9]+$',
    }),
    param({
      name: 'instance_type',
      type: 'string',
      description: 'Node instance type (Graviton by default).',
      default: { dev: 't4g.medium', staging: 'm7g.large', prod: 'm7g.large' },
      pattern: '^[a-z0-9-]+\\.[a-z0-9]+$',
    }),
    param({
      name: 'architecture',
      type: 'string',
      description: 'Node CPU architecture.',
      default: 'arm64',
      allowed: ['arm64', 'x86_64'],
    }),
    param({
      name: 'nodes',
      type: 'integer',
      description: 'Desired nodes.',
      default: { dev: 1, staging: 2, prod: 3 },
      min: 1,
      max: 100,
    }),
    param({
      name: 'max_nodes',
      type: 'integer',
      description: 'Maximum nodes.',
      default: { dev: 2, staging: 4, prod: 10 },
      min: 1,
      max: 450,
    }),
    param({
      name: 'disk_gb',
      type: 'integer',
      unit: 'GB',
      description: 'Node root volume size.',
      default: 30,
      min: 20,
      max: 16384,
    }),
    param({
      name: 'namespace',
      type: 'string',
      description: 'Kubernetes namespace of the workloads that receive the grants of the connections.',
      default: 'apps',
      pattern: KUBERNETES_NAME,
    }),
    param({
      name: 'service_account',
      type: 'string',
      description: 'Kubernetes service account (in that namespace) whose pods receive the grants.',
      default: 'workload',
      pattern: KUBERNETES_NAME,
    }),
  ],
  expand(ctx) {
    const { params } = ctx;
    const managed = (name: string) => managedPolicyArn(ctx.architecture.region, name);
    const subnets = ctx.network().privateSubnets;
    const out: Record<string, ResourceDraft> = {};
    out['secrets-key'] = kmsKey(ctx, `Envelope encryption of Kubernetes secrets in ${ctx.id}`);
    out['cluster-role'] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `EKS control plane role of ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('eks.amazonaws.com'),
        ManagedPolicyArns: [managed('AmazonEKSClusterPolicy')],
      },
    };
    out.sg = securityGroup(ctx, ctx.inbound, {
      description: `EKS control plane ${ctx.id}`,
      egressHttps: true,
    });
    out.cluster = {
      Type: 'AWS::EKS::Cluster',
      Properties: {
        Name: ctx.name(undefined, 100),
        Version: params.version as string,
        RoleArn: getAtt(ctx.logicalId('cluster-role'), 'Arn'),
        ResourcesVpcConfig: {
          SubnetIds: subnets,
          SecurityGroupIds: [getAtt(ctx.logicalId('sg'), 'GroupId')],
          EndpointPrivateAccess: true,
          EndpointPublicAccess: false,
        },
        Logging: {
          ClusterLogging: {
            EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((Type) => ({
              Type,
            })),
          },
        },
        EncryptionConfig: [
          { Provider: { KeyArn: getAtt(ctx.logicalId('secrets-key'), 'Arn') }, Resources: ['secrets'] },
        ],
        AccessConfig: { AuthenticationMode: 'API' },
      },
    };
    out['node-role'] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `EKS node role of ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('ec2.amazonaws.com'),
        ManagedPolicyArns: [
          managed('AmazonEC2ContainerRegistryReadOnly'),
          managed('AmazonEKS_CNI_Policy'),
          managed('AmazonEKSWorkerNodePolicy'),
        ],
      },
    };
    out['node-launch-template'] = {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
          BlockDeviceMappings: encryptedRootVolume(params.disk_gb as number),
        },
      },
    };
    out['node-group'] = {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        ClusterName: ref(ctx.logicalId('cluster')),
        NodeRole: getAtt(ctx.logicalId('node-role'), 'Arn'),
        Subnets: subnets,
        AmiType: params.architecture === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
        InstanceTypes: [params.instance_type as string],
        CapacityType: 'ON_DEMAND',
        ScalingConfig: {
          MinSize: params.nodes as number,
          DesiredSize: params.nodes as number,
          MaxSize: Math.max(params.nodes as number, params.max_nodes as number),
        },
        LaunchTemplate: {
          Id: ref(ctx.logicalId('node-launch-template')),
          Version: getAtt(ctx.logicalId('node-launch-template'), 'LatestVersionNumber'),
        },
        UpdateConfig: { MaxUnavailable: 1 },
      },
    };
    if (hasWorkloadAccess(ctx)) Object.assign(out, podIdentity(ctx, 'cluster', 'node-group'));
    return out;
  },
});
