import { getAtt } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type Grant, type TargetRef } from '../kind-definition.ts';
import { param } from '../params.ts';

const PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const PUSH = ['ecr:CompleteLayerUpload', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'];

function registryGrant(t: TargetRef, purpose: string, actions: string[]): Grant {
  const statements = [
    statement(t.sid(purpose), actions, [getAtt(t.logicalId('repository'), 'Arn')]),
    // The registry login token is account-wide (see WILDCARD_RESOURCE_ACTIONS).
    statement(t.sid('login'), ['ecr:GetAuthorizationToken'], ['*']),
  ];
  return {
    statements: purpose === 'pull' ? [] : statements,
    executionStatements: purpose === 'pull' ? statements : [],
    env: { [`${t.envPrefix}_REPOSITORY_URI`]: getAtt(t.logicalId('repository'), 'RepositoryUri') },
  };
}

export default defineKind({
  kind: 'registry',
  title: 'Container registry',
  description:
    'An ECR repository: image scanning on push, immutable tags, KMS encryption, a lifecycle policy keeping the newest images; `read` lets a service pull (execution role), `write` lets a build job push.',
  awsResources: ['AWS::ECR::Repository'],
  network: 'never',
  params: [
    param({
      name: 'keep_images',
      type: 'integer',
      description: 'Images kept by the lifecycle policy.',
      default: { dev: 20, staging: 50, prod: 200 },
      min: 1,
      max: 10000,
    }),
    param({
      name: 'storage_gb',
      type: 'number',
      unit: 'GB',
      description: 'Cost assumption: image storage.',
      default: 5,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      read: (t) => registryGrant(t, 'pull', PULL),
      write: (t) => registryGrant(t, 'push', [...PULL, ...PUSH]),
    },
  },
  expand(ctx) {
    const policy = {
      rules: [
        {
          rulePriority: 1,
          description: `keep the newest ${ctx.params.keep_images} images`,
          selection: {
            tagStatus: 'any',
            countType: 'imageCountMoreThan',
            countNumber: ctx.params.keep_images,
          },
          action: { type: 'expire' },
        },
      ],
    };
    return {
      repository: {
        Type: 'AWS::ECR::Repository',
        ...ctx.statefulPolicy(),
        Properties: {
          RepositoryName: ctx.name(),
          ImageScanningConfiguration: { ScanOnPush: true },
          ImageTagMutability: 'IMMUTABLE',
          EncryptionConfiguration: { EncryptionType: 'KMS' },
          LifecyclePolicy: { LifecyclePolicyText: JSON.stringify(policy) },
          EmptyOnDelete: !ctx.prod,
        },
      },
    };
  },
});
