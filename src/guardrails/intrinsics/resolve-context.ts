/**
 * What the resolver may know about the deployment. Anything absent stays unknown: a rule depending on it
 * yields `unknown`, never a guess.
 */
export interface ResolveContext {
  /** Values for template Parameters; otherwise their Default is used. */
  parameters?: Readonly<Record<string, string>>;
  /** AWS::Region (AWS::Partition and AWS::URLSuffix are derived from it unless `partition` is given). */
  region?: string;
  /** AWS::Partition, when known without a region (the policy's default partition). */
  partition?: string;
  /** AWS::AccountId */
  accountId?: string;
  /** AWS::StackName */
  stackName?: string;
  /** AWS::StackId */
  stackId?: string;
  /**
   * Truth values fixed for named conditions: one feasible branch being explored when the conditions depend
   * on parameters without a value (see condition-branches.ts). Not for callers.
   */
  conditionValues?: Readonly<Record<string, boolean>>;
}
