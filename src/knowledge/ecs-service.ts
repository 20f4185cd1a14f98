import { type CfnValue, getAtt, ref } from './cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from './iam.ts';
import type { ComputeTrait, KindContext, PolicyStatement, ResourceDraft } from './kind-definition.ts';
import { logGroup } from './log-group.ts';
import { type ParamSpec, param } from './params.ts';
import { routeTargetParams } from './route-target-params.ts';
import { securityGroup } from './security-group.ts';
import { SERVICE_DISCOVERY, serviceDiscovery } from './service-discovery.ts';

export const ECS_COMPUTE: ComputeTrait = {
  workloadRole: 'task-role',
  securityGroupRole: 'sg',
  canJoinVpc: true,
  usesData: true,
  triggerTarget: 'ecs',
};

/** What every ECS Fargate kind (container service, worker) is made of. */
export const ECS_AWS_RESOURCES: readonly string[] = [
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Cluster',
  'AWS::IAM::Role',
  'AWS::Logs::LogGroup',
  'AWS::EC2::SecurityGroup',
];

/** The name of the one container of a task: load balancers and Cloud Map find its port through it. */
const CONTAINER = 'app';

export function ecsParams(withPort: boolean): ParamSpec[] {
  const specs: ParamSpec[] = [
    param({
      name: 'image',
      type: 'string',
      description:
        'Container image (repository:tag or digest); null to take it from a template parameter at deploy time.',
      default: null,
      pattern: '^[A-Za-z0-9./:@_-]+$',
    }),
    param({
      name: 'cpu',
      type: 'integer',
      unit: 'CPU units',
      description: 'Fargate task CPU (1024 = 1 vCPU).',
      default: { dev: 256, staging: 512, prod: 1024 },
      allowed: [256, 512, 1024, 2048, 4096],
    }),
    param({
      name: 'memory_mb',
      type: 'integer',
      unit: 'MB',
      description: 'Fargate task memory (must fit the CPU size).',
      default: { dev: 512, staging: 1024, prod: 2048 },
      min: 512,
      max: 30720,
    }),
    param({
      name: 'desired_count',
      type: 'integer',
      description: 'Number of tasks kept running.',
      default: { dev: 1, staging: 1, prod: 2 },
      min: 0,
      max: 100,
    }),
    param({
      name: 'architecture',
      type: 'string',
      description: 'CPU architecture of the image.',
      default: 'arm64',
      allowed: ['arm64', 'x86_64'],
    }),
    param({
      name: 'read_only_root',
      type: 'boolean',
      description: 'Read-only root file system (a writable /tmp is mounted).',
      default: true,
    }),
  ];
  if (withPort) specs.push(...routeTargetParams('Container port receiving traffic.'));
  return specs;
}

/** A Fargate service in private subnets: own cluster, task and execution roles, logs, security group. */
export function expandEcsService(ctx: KindContext, withPort: boolean): Record<string, ResourceDraft> {
  const { params, inbound } = ctx;
  const out: Record<string, ResourceDraft> = {};
  const network = ctx.network();
  const logGroupId = ctx.logicalId('log-group');
  out.cluster = {
    Type: 'AWS::ECS::Cluster',
    Properties: {
      ClusterName: ctx.name(),
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    },
  };
  out['log-group'] = logGroup(ctx, `/ecs/${ctx.name()}`);
  const secretArns = Object.keys(inbound.secrets)
    .sort()
    .map((k) => inbound.secrets[k]!);
  const execution: PolicyStatement[] = [
    statement('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [getAtt(logGroupId, 'Arn')]),
    ...inbound.executionStatements,
  ];
  if (secretArns.length > 0)
    execution.push(statement('ReadInjectedSecrets', ['secretsmanager:GetSecretValue'], secretArns));
  out['execution-role'] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Task execution role of ${ctx.id} (image pull, logs, secrets)`,
      AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com', true),
      Policies: inlinePolicies('task-execution', execution),
    },
  };
  const taskRole: Record<string, CfnValue> = {
    Description: `Workload role of ${ctx.id}`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com', true),
  };
  if (inbound.statements.length > 0)
    taskRole.Policies = inlinePolicies('least-privilege', inbound.statements);
  out['task-role'] = { Type: 'AWS::IAM::Role', Properties: taskRole };
  const image =
    params.image === null
      ? ctx.parameter(`${ctx.id}-image`, {
          Type: 'String',
          Description: `Container image of ${ctx.id} (repository:tag or digest)`,
          AllowedPattern: '^[A-Za-z0-9./:@_-]+$',
        })
      : (params.image as string);
  const port = withPort ? (params.port as number) : null;
  const volumes: CfnValue[] = [];
  const mountPoints: CfnValue[] = [];
  if (params.read_only_root) {
    volumes.push({ Name: 'tmp' });
    mountPoints.push({ SourceVolume: 'tmp', ContainerPath: '/tmp', ReadOnly: false });
  }
  for (const mount of inbound.mounts) {
    volumes.push({
      Name: mount.peer,
      EFSVolumeConfiguration: {
        FilesystemId: mount.fileSystemId,
        TransitEncryption: 'ENABLED',
        AuthorizationConfig: { AccessPointId: mount.accessPointId, IAM: 'ENABLED' },
      },
    });
    mountPoints.push({ SourceVolume: mount.peer, ContainerPath: `/mnt/${mount.peer}`, ReadOnly: false });
  }
  const container: Record<string, CfnValue> = {
    Name: CONTAINER,
    Image: image,
    Essential: true,
    Privileged: false,
    ReadonlyRootFilesystem: params.read_only_root as boolean,
    LogConfiguration: {
      LogDriver: 'awslogs',
      Options: {
        'awslogs-group': ref(logGroupId),
        'awslogs-region': ref('AWS::Region'),
        'awslogs-stream-prefix': ctx.id,
      },
    },
    Environment: Object.keys(inbound.env)
      .sort()
      .map((name) => ({ Name: name, Value: inbound.env[name]! })),
  };
  if (port !== null) container.PortMappings = [{ ContainerPort: port, Protocol: 'tcp' }];
  const secretNames = Object.keys(inbound.secrets).sort();
  if (secretNames.length > 0)
    container.Secrets = secretNames.map((name) => ({ Name: name, ValueFrom: inbound.secrets[name]! }));
  if (mountPoints.length > 0) container.MountPoints = mountPoints;
  const taskDefinition: Record<string, CfnValue> = {
    Family: ctx.name(),
    Cpu: String(params.cpu),
    Memory: String(params.memory_mb),
    NetworkMode: 'awsvpc',
    RequiresCompatibilities: ['FARGATE'],
    RuntimePlatform: {
      CpuArchitecture: params.architecture === 'arm64' ? 'ARM64' : 'X86_64',
      OperatingSystemFamily: 'LINUX',
    },
    ExecutionRoleArn: getAtt(ctx.logicalId('execution-role'), 'Arn'),
    TaskRoleArn: getAtt(ctx.logicalId('task-role'), 'Arn'),
    ContainerDefinitions: [container],
  };
  if (volumes.length > 0) taskDefinition.Volumes = volumes;
  out['task-definition'] = { Type: 'AWS::ECS::TaskDefinition', Properties: taskDefinition };
  out.sg = securityGroup(ctx, inbound, { description: `Service ${ctx.id}`, egressHttps: true });
  const service: Record<string, CfnValue> = {
    ServiceName: ctx.name(),
    Cluster: ref(ctx.logicalId('cluster')),
    TaskDefinition: ref(ctx.logicalId('task-definition')),
    LaunchType: 'FARGATE',
    DesiredCount: params.desired_count as number,
    PropagateTags: 'SERVICE',
    EnableECSManagedTags: true,
    EnableExecuteCommand: false,
    DeploymentConfiguration: {
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      MaximumPercent: 200,
      MinimumHealthyPercent: 100,
    },
    NetworkConfiguration: {
      AwsvpcConfiguration: {
        AssignPublicIp: 'DISABLED',
        SecurityGroups: [getAtt(ctx.logicalId('sg'), 'GroupId')],
        Subnets: network.privateSubnets,
      },
    },
  };
  const dependsOn = new Set<string>(inbound.mounts.flatMap((m) => m.dependsOn));
  if (port !== null && inbound.targetGroups.length > 0) {
    service.LoadBalancers = inbound.targetGroups.map((tg) => ({
      ContainerName: CONTAINER,
      ContainerPort: port,
      TargetGroupArn: tg.targetGroup,
    }));
    service.HealthCheckGracePeriodSeconds = 60;
    for (const tg of inbound.targetGroups) dependsOn.add(tg.dependsOn);
  }
  if (port !== null && inbound.features.includes(SERVICE_DISCOVERY)) {
    const discovery = serviceDiscovery(ctx, CONTAINER, port);
    Object.assign(out, discovery.resources);
    service.ServiceRegistries = [discovery.registry];
  }
  out.service = {
    Type: 'AWS::ECS::Service',
    ...(dependsOn.size > 0 ? { DependsOn: [...dependsOn].sort() } : {}),
    Properties: service,
  };
  return out;
}
