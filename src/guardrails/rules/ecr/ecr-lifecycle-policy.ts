import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'ecr-lifecycle-policy',
  title: 'ECR repositories expire old images',
  severity: 'info',
  rationale:
    'Without a lifecycle policy every pushed image is kept (and billed) forever, and old vulnerable images stay pullable.',
  remediation:
    'Set LifecyclePolicy.LifecyclePolicyText, for example to keep the last 50 images and expire untagged ones after 7 days.',
  references: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html'],
  resourceTypes: ['AWS::ECR::Repository'],
  check: (repo) => expectPresent(repo, 'LifecyclePolicy.LifecyclePolicyText', 'Images are never expired'),
});
