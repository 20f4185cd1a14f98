import { ref } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';
import { param } from './params.ts';

/** How often a secret rotates; rotation needs a function that knows the credential, named at deploy. */
export const rotationDaysParam = param({
  name: 'rotation_days',
  type: 'integer',
  unit: 'days',
  description:
    'Rotate the secret every this many days with a rotation function (its ARN is asked for at deploy); null for no rotation.',
  default: null,
  min: 1,
  max: 1000,
});

/** The rotation schedule of the secret at `secretRole`, when `rotation_days` is set. */
export function rotationSchedule(ctx: KindContext, secretRole: string): Record<string, ResourceDraft> {
  const days = ctx.params.rotation_days;
  if (days === null || days === undefined) return {};
  const functionArn = ctx.parameter(`${ctx.id}-rotation-function-arn`, {
    Type: 'String',
    Description: `ARN of the Lambda function that rotates the ${secretRole} of ${ctx.id}`,
    AllowedPattern: '^arn:aws[a-z-]*:lambda:.+',
  });
  return {
    [`${secretRole}-rotation`]: {
      Type: 'AWS::SecretsManager::RotationSchedule',
      Properties: {
        SecretId: ref(ctx.logicalId(secretRole)),
        RotationLambdaARN: functionArn,
        RotationRules: { AutomaticallyAfterDays: days as number },
      },
    },
  };
}
