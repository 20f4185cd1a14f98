import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 's3-bucket-policy-no-public-access',
  title: 'S3 bucket policies do not allow everyone',
  severity: 'error',
  rationale:
    'An Allow statement for Principal "*" without a Condition opens the bucket to anyone on the internet.',
  remediation:
    'Name the principals (roles, accounts, the CloudFront service principal with an aws:SourceArn condition) instead of "*".',
  references: ['CKV_AWS_70', 'AwsSolutions-S2'],
  resourceTypes: ['AWS::S3::BucketPolicy'],
  check: (policy, { index }) => checkNoPublicPrincipal(policy, index, 'The bucket policy is public'),
});
