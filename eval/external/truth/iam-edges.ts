import { grantActions } from './grants.ts';
import type { TemplateContext } from './template-context.ts';
import { isRecord, list } from './template-context.ts';
import type { TruthGraph } from './truth-graph.ts';

/** AWS managed policies that grant something a component needs no resource for (sending email). */
const MANAGED_POLICIES: Readonly<Record<string, readonly string[]>> = {
  AmazonSESFullAccess: ['ses:*'],
};

/** Statements of a policy document: `[actions, resources]` of each `Allow`. */
export function allowStatements(document: unknown): { actions: string[]; resources: unknown }[] {
  if (!isRecord(document)) return [];
  return list(document.Statement)
    .filter(isRecord)
    .filter((s) => s.Effect === undefined || s.Effect === 'Allow')
    .map((s) => ({
      actions: list(s.Action).filter((a): a is string => typeof a === 'string'),
      resources: s.Resource,
    }));
}

/** Actions a managed policy reference grants (only the few that imply a component; see MANAGED_POLICIES). */
export function managedPolicyActions(ctx: TemplateContext, reference: unknown): string[] {
  const text = ctx.canonical(reference) ?? '';
  const name = text.slice(text.lastIndexOf('/') + 1);
  return [...(MANAGED_POLICIES[name] ?? [])];
}

/** Roles a compute component runs as, by the role's logical id → component ids. */
function principals(graph: TruthGraph): Map<string, string[]> {
  const { ctx } = graph;
  const out = new Map<string, string[]>();
  const add = (roleValue: unknown, node: string | undefined) => {
    if (node === undefined) return;
    for (const role of ctx.refsIn(roleValue)) {
      if (ctx.type(role) !== 'AWS::IAM::Role') continue;
      out.set(role, [...(out.get(role) ?? []), node]);
    }
  };
  for (const id of ctx.ofType(
    'AWS::Lambda::Function',
    'AWS::Serverless::Function',
    'AWS::Serverless::StateMachine',
  )) {
    add(ctx.props(id).Role, graph.nodeFor(id));
  }
  for (const id of ctx.ofType('AWS::StepFunctions::StateMachine'))
    add(ctx.props(id).RoleArn, graph.nodeFor(id));
  for (const id of ctx.ofType('AWS::ECS::TaskDefinition')) add(ctx.props(id).TaskRoleArn, graph.nodeFor(id));
  for (const id of ctx.ofType('AWS::AppRunner::Service')) {
    const instance = ctx.props(id).InstanceConfiguration;
    add(isRecord(instance) ? instance.InstanceRoleArn : undefined, graph.nodeFor(id));
  }
  for (const id of ctx.ofType('AWS::EKS::PodIdentityAssociation', 'AWS::EKS::Nodegroup')) {
    const p = ctx.props(id);
    add(p.RoleArn ?? p.NodeRole, graph.nodesIn(p.ClusterName, ['k8s_cluster'])[0]);
  }
  // Instances and auto scaling groups run as the roles of their instance profile.
  const profileUsers = new Map<string, string[]>();
  const useProfile = (profileValue: unknown, node: string | undefined) => {
    if (node === undefined) return;
    for (const profile of ctx.refsIn(profileValue))
      profileUsers.set(profile, [...(profileUsers.get(profile) ?? []), node]);
  };
  for (const id of ctx.ofType('AWS::EC2::Instance'))
    useProfile(ctx.props(id).IamInstanceProfile, graph.nodeFor(id));
  for (const id of ctx.ofType('AWS::AutoScaling::AutoScalingGroup')) {
    const p = ctx.props(id);
    for (const template of ctx.refsIn([
      p.LaunchTemplate,
      p.LaunchConfigurationName,
      p.MixedInstancesPolicy,
    ])) {
      const tp = ctx.props(template);
      const data = isRecord(tp.LaunchTemplateData) ? tp.LaunchTemplateData : tp;
      useProfile(data.IamInstanceProfile, graph.nodeFor(id));
    }
  }
  for (const [profile, nodes] of profileUsers) {
    if (ctx.type(profile) !== 'AWS::IAM::InstanceProfile') continue;
    for (const node of nodes) add(ctx.props(profile).Roles, node);
  }
  return out;
}

/** Policy documents attached to a role: inline, `AWS::IAM::Policy`/`RolePolicy`, customer managed policies. */
function documentsOf(ctx: TemplateContext, role: string): { document: unknown; managed: unknown[] } {
  const p = ctx.props(role);
  const documents: unknown[] = list(p.Policies)
    .filter(isRecord)
    .map((x) => x.PolicyDocument);
  const managed: unknown[] = [];
  for (const arn of list(p.ManagedPolicyArns)) {
    const local = ctx.refOfType(arn, 'AWS::IAM::ManagedPolicy');
    if (local !== undefined) documents.push(ctx.props(local).PolicyDocument);
    else managed.push(arn);
  }
  for (const id of ctx.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy')) {
    const q = ctx.props(id);
    if (ctx.refsIn([q.Roles, q.RoleName]).has(role)) documents.push(q.PolicyDocument);
  }
  return {
    document: { Statement: documents.flatMap((d) => (isRecord(d) ? list(d.Statement) : [])) },
    managed,
  };
}

/** Connections from IAM: what each compute component's role allows on the template's components. */
export function addIamEdges(graph: TruthGraph): void {
  const { ctx } = graph;
  for (const [role, nodes] of principals(graph)) {
    const { document, managed } = documentsOf(ctx, role);
    for (const node of nodes) {
      for (const { actions, resources } of allowStatements(document)) {
        grantActions(graph, node, actions, resources, 'iam');
      }
      for (const arn of managed) grantActions(graph, node, managedPolicyActions(ctx, arn), '*', 'iam');
    }
  }
}
