import type { CfnValue } from './cfn.ts';
import type { KindContext, ResourceDraft } from './kind-definition.ts';

/** A log group with the environment's retention; kept on delete in prod. */
export function logGroup(
  ctx: Pick<KindContext, 'prod' | 'logRetentionDays' | 'org'>,
  name: CfnValue,
): ResourceDraft {
  return {
    Type: 'AWS::Logs::LogGroup',
    ...(ctx.prod ? { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } : {}),
    Properties: {
      LogGroupName: name,
      RetentionInDays: ctx.logRetentionDays,
      ...(ctx.org.logKmsKeyArn ? { KmsKeyId: ctx.org.logKmsKeyArn } : {}),
    },
  };
}
