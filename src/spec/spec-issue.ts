export type SpecIssueCode =
  | 'unknown-resource-type'
  | 'unknown-property'
  | 'missing-required-property'
  | 'wrong-type';

/** One way a template disagrees with the CloudFormation resource specification. */
export interface SpecIssue {
  code: SpecIssueCode;
  logicalId: string;
  resourceType: string;
  /** JSON pointer from the template root: `/Resources/<id>/Properties/A/0/B`. */
  path: string;
  message: string;
}
