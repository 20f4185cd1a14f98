import { ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind } from '../kind-definition.ts';
import { slug } from '../naming.ts';
import { param } from '../params.ts';
import { rotationDaysParam, rotationSchedule } from '../secret-rotation.ts';

export default defineKind({
  kind: 'secret',
  title: 'Secret',
  description:
    'A Secrets Manager secret (generated value by default) encrypted with KMS; `read` grants GetSecretValue on this secret only and injects its ARN (ECS resolves it into the container environment).',
  awsResources: ['AWS::SecretsManager::Secret'],
  network: 'never',
  params: [
    param({ name: 'description', type: 'string', description: 'What the secret is for.', default: null }),
    param({
      name: 'generate',
      type: 'boolean',
      description: 'Generate a random value (otherwise set it after deploy).',
      default: true,
    }),
    rotationDaysParam,
    param({
      name: 'length',
      type: 'integer',
      unit: 'characters',
      description: 'Length of a generated value.',
      default: 32,
      min: 16,
      max: 4096,
    }),
  ],
  data: {
    access: {
      read: (t) => ({
        statements: [
          statement(
            t.sid('read'),
            ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            [ref(t.logicalId('secret'))],
          ),
        ],
        env: {},
        secrets: { [`${t.envPrefix}`]: ref(t.logicalId('secret')) },
      }),
    },
  },
  expand(ctx) {
    return {
      ...rotationSchedule(ctx, 'secret'),
      secret: {
        Type: 'AWS::SecretsManager::Secret',
        ...ctx.statefulPolicy(),
        Properties: {
          Name: `${slug(ctx.architecture.name) || 'app'}/${ctx.environment}/${ctx.id}`,
          Description:
            (ctx.params.description as string | null) ??
            `${ctx.id} (${ctx.architecture.name}, ${ctx.environment})`,
          ...(ctx.params.generate
            ? {
                GenerateSecretString: {
                  PasswordLength: ctx.params.length as number,
                  ExcludePunctuation: true,
                },
              }
            : {}),
        },
      },
    };
  },
});
