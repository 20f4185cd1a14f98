import { type CfnObject, type CfnValue, getAtt, ref } from './cfn.ts';
import { inlinePolicies } from './iam.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { envWithSecretArns } from './secret-arn-env.ts';

/** Roles of the resources EKS Pod Identity adds to a cluster. */
export const POD_IDENTITY_ROLES = {
  agent: 'pod-identity-agent',
  role: 'workload-role',
  association: 'pod-identity',
} as const;

/**
 * Whether a cluster's connections gave its workloads anything to use: the grants, and the names and
 * endpoints to hand them.
 */
export function hasWorkloadAccess(ctx: KindContext): boolean {
  const { inbound } = ctx;
  return (
    inbound.statements.length > 0 ||
    inbound.executionStatements.length > 0 ||
    Object.keys(inbound.env).length > 0 ||
    Object.keys(inbound.secrets).length > 0
  );
}

/**
 * The workloads of an EKS cluster reach AWS through EKS Pod Identity: one IAM role with exactly the
 * statements the cluster's connections grant, trusted by `pods.eks.amazonaws.com` only for this account,
 * this cluster and the one namespace/service account the association names (the session tags Pod Identity
 * sets), the association itself, and the Pod Identity agent add-on (the cluster kind does not install it
 * otherwise). Kubernetes objects are not CloudFormation's: the names, endpoints and secret ARNs a pod
 * needs are stack outputs, for a ConfigMap.
 */
export function podIdentity(ctx: KindContext, clusterRole: string, nodeGroupRole: string) {
  const { inbound, params } = ctx;
  const cluster = ctx.logicalId(clusterRole);
  const namespace = params.namespace as string;
  const serviceAccount = params.service_account as string;
  const out: Record<string, ResourceDraft> = {};
  out[POD_IDENTITY_ROLES.agent] = {
    Type: 'AWS::EKS::Addon',
    // The agent is a DaemonSet: the add-on only becomes active once there are nodes to run it.
    DependsOn: [ctx.logicalId(nodeGroupRole)],
    Properties: {
      ClusterName: ref(cluster),
      AddonName: 'eks-pod-identity-agent',
      ResolveConflicts: 'OVERWRITE',
    },
  };
  const trust: CfnObject = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PodIdentityOfOneServiceAccount',
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: {
            'aws:SourceAccount': ref('AWS::AccountId'),
            'aws:RequestTag/eks-cluster-arn': getAtt(cluster, 'Arn'),
            'aws:RequestTag/kubernetes-namespace': namespace,
            'aws:RequestTag/kubernetes-service-account': serviceAccount,
          },
        },
      },
    ],
  };
  const role: Record<string, CfnValue> = {
    Description: `Workload role of ${ctx.id} (service account ${namespace}/${serviceAccount})`,
    AssumeRolePolicyDocument: trust,
  };
  const statements = [...inbound.statements, ...inbound.executionStatements];
  if (statements.length > 0) role.Policies = inlinePolicies('least-privilege', statements);
  out[POD_IDENTITY_ROLES.role] = { Type: 'AWS::IAM::Role', Properties: role };
  out[POD_IDENTITY_ROLES.association] = {
    Type: 'AWS::EKS::PodIdentityAssociation',
    Properties: {
      ClusterName: ref(cluster),
      Namespace: namespace,
      ServiceAccount: serviceAccount,
      RoleArn: getAtt(ctx.logicalId(POD_IDENTITY_ROLES.role), 'Arn'),
    },
  };
  ctx.output(`${ctx.id}-workload-role-arn`, {
    Description: `Role the pods of service account ${namespace}/${serviceAccount} in ${ctx.id} receive`,
    Value: getAtt(ctx.logicalId(POD_IDENTITY_ROLES.role), 'Arn'),
  });
  for (const [name, value] of Object.entries(envWithSecretArns(inbound))) {
    ctx.output(`${ctx.id}-${name.toLowerCase().replace(/_/g, '-')}`, {
      Description: `${name} for the workloads of ${ctx.id} (a ConfigMap value)`,
      Value: value,
    });
  }
  for (const mount of inbound.mounts) {
    ctx.output(`${ctx.id}-${mount.peer}-volume-handle`, {
      Description: `EFS CSI volume handle (file system::access point) of ${mount.peer} for ${ctx.id}`,
      Value: { 'Fn::Join': ['::', [mount.fileSystemId, mount.accessPointId]] },
    });
  }
  return out;
}
