import { type CfnObject, sub } from './cfn.ts';
import { partitionOf } from './iam.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';

/**
 * A customer managed key with yearly rotation, the default key policy (IAM policies of this account decide
 * who uses it) plus `statements` for AWS services that use it with their own identity. Retained when it
 * leaves the stack, in every environment: whatever it encrypted stays readable.
 */
export function kmsKey(ctx: KindContext, description: string, statements: CfnObject[] = []): ResourceDraft {
  return {
    Type: 'AWS::KMS::Key',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      Description: description,
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            // The default key policy: delegates access to IAM policies of this account. In a key policy,
            // Resource "*" means this key, and kms:* for the account root is what AWS requires here.
            Sid: 'EnableIamPolicies',
            Effect: 'Allow',
            Principal: {
              AWS: sub(`arn:${partitionOf(ctx.architecture.region)}:iam::\${AWS::AccountId}:root`),
            },
            Action: 'kms:*',
            Resource: '*',
          },
          ...statements,
        ],
      },
    },
  };
}
