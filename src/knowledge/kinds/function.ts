import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import { defineKind, type PolicyStatement, type ResourceDraft } from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';
import { envWithSecretArns } from '../secret-arn-env.ts';
import { securityGroup } from '../security-group.ts';

export const RUNTIMES = [
  'nodejs22.x',
  'nodejs20.x',
  'python3.13',
  'python3.12',
  'java21',
  'provided.al2023',
] as const;

export default defineKind({
  kind: 'function',
  title: 'Function',
  description:
    'An AWS Lambda function with its own least-privilege role and log group; joins the VPC (with its own security group) only when it reaches a VPC resource such as a database or cache.',
  awsResources: ['AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::Logs::LogGroup', 'AWS::EC2::SecurityGroup'],
  network: 'when-connected',
  compute: {
    workloadRole: 'role',
    securityGroupRole: 'sg',
    canJoinVpc: true,
    usesData: true,
    triggerTarget: 'lambda',
  },
  data: {
    access: {
      invoke: (t) => ({
        statements: [
          statement(t.sid('invoke'), ['lambda:InvokeFunction'], [getAtt(t.logicalId('function'), 'Arn')]),
        ],
        env: { [`${t.envPrefix}_FUNCTION_NAME`]: ref(t.logicalId('function')) },
      }),
    },
  },
  params: [
    param({
      name: 'runtime',
      type: 'string',
      description: 'Lambda runtime.',
      default: 'nodejs22.x',
      allowed: RUNTIMES,
    }),
    param({
      name: 'handler',
      type: 'string',
      description: 'Entry point (file.export).',
      default: 'index.handler',
      pattern: '^[A-Za-z0-9_./:$-]+$',
    }),
    param({
      name: 'memory_mb',
      type: 'integer',
      unit: 'MB',
      description: 'Memory (CPU scales with it).',
      default: 512,
      min: 128,
      max: 10240,
    }),
    param({
      name: 'timeout_s',
      type: 'integer',
      unit: 's',
      description: 'Maximum run time of one invocation.',
      default: 30,
      min: 1,
      max: 900,
    }),
    param({
      name: 'architecture',
      type: 'string',
      description: 'Instruction set.',
      default: 'arm64',
      allowed: ['arm64', 'x86_64'],
    }),
    param({
      name: 'reserved_concurrency',
      type: 'integer',
      description:
        'Concurrency reserved for (and capping) this function; null for none (new accounts may not have enough unreserved concurrency to reserve any).',
      default: null,
      min: 0,
      max: 10000,
    }),
    param({
      name: 'requests_per_month',
      type: 'integer',
      unit: 'requests/month',
      description: 'Cost assumption: invocations per month.',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
    param({
      name: 'avg_duration_ms',
      type: 'integer',
      unit: 'ms',
      description: 'Cost assumption: average invocation duration.',
      default: 200,
      min: 1,
      max: 900_000,
      usage: true,
    }),
  ],
  expand(ctx) {
    const { params, inbound } = ctx;
    const name = ctx.name(undefined, 64);
    const logGroupId = ctx.logicalId('log-group');
    const inVpc = inbound.needsVpc;
    const base: PolicyStatement[] = [
      statement('WriteLogs', ['logs:CreateLogStream', 'logs:PutLogEvents'], [getAtt(logGroupId, 'Arn')]),
      // X-Ray trace APIs have no resource type (see WILDCARD_RESOURCE_ACTIONS).
      statement('WriteTraces', ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], ['*']),
    ];
    if (inVpc) {
      // Lambda manages its own ENIs; ids are unknown in advance (see WILDCARD_RESOURCE_ACTIONS).
      base.push(
        statement(
          'ManageVpcNetworkInterfaces',
          [
            'ec2:AssignPrivateIpAddresses',
            'ec2:CreateNetworkInterface',
            'ec2:DeleteNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:UnassignPrivateIpAddresses',
          ],
          ['*'],
        ),
      );
    }
    const out: Record<string, ResourceDraft> = {};
    out.role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Workload role of function ${ctx.id}`,
        AssumeRolePolicyDocument: assumeRolePolicy('lambda.amazonaws.com'),
        Policies: inlinePolicies('least-privilege', [
          ...base,
          ...inbound.statements,
          ...inbound.executionStatements,
        ]),
      },
    };
    out['log-group'] = logGroup(ctx, `/aws/lambda/${name}`);
    const artifactBucket = ctx.parameter('artifact-bucket', {
      Type: 'String',
      Description: 'S3 bucket holding the deployment packages of the functions',
      AllowedPattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
    });
    const codeKey = ctx.parameter(`${ctx.id}-code-key`, {
      Type: 'String',
      Description: `S3 key of the deployment package of function ${ctx.id}`,
      Default: `${ctx.id}.zip`,
    });
    const properties: Record<string, CfnValue> = {
      FunctionName: name,
      Description: `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
      Runtime: params.runtime as string,
      Handler: params.handler as string,
      Architectures: [params.architecture as string],
      MemorySize: params.memory_mb as number,
      Timeout: params.timeout_s as number,
      Role: getAtt(ctx.logicalId('role'), 'Arn'),
      Code: { S3Bucket: artifactBucket, S3Key: codeKey },
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(logGroupId) },
    };
    if (params.reserved_concurrency !== null)
      properties.ReservedConcurrentExecutions = params.reserved_concurrency as number;
    // Lambda has no secret injection: the code fetches each secret by its `<NAME>_ARN` at start.
    const env = envWithSecretArns(inbound);
    if (Object.keys(env).length > 0) properties.Environment = { Variables: env };
    if (inbound.mounts.length > 0) {
      properties.FileSystemConfigs = inbound.mounts.map((m) => ({
        Arn: m.accessPointArn,
        LocalMountPath: `/mnt/${m.peer}`,
      }));
    }
    const dependsOn = inbound.mounts.flatMap((m) => m.dependsOn);
    if (inVpc) {
      out.sg = securityGroup(ctx, inbound, { description: `Function ${ctx.id}`, egressHttps: true });
      properties.VpcConfig = {
        SecurityGroupIds: [ref(ctx.logicalId('sg'))],
        SubnetIds: ctx.network().privateSubnets,
      };
    }
    out.function = {
      Type: 'AWS::Lambda::Function',
      ...(dependsOn.length > 0 ? { DependsOn: [...new Set(dependsOn)].sort() } : {}),
      Properties: properties,
    };
    ctx.output(`${ctx.id}-function-arn`, {
      Description: `ARN of function ${ctx.id}`,
      Value: getAtt(ctx.logicalId('function'), 'Arn'),
    });
    return out;
  },
});
