import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ecr-tag-immutability',
  title: 'ECR repositories make image tags immutable',
  severity: 'warning',
  rationale:
    'With mutable tags, pushing over an existing tag silently changes what every deployment of that tag runs.',
  remediation: 'Set ImageTagMutability to IMMUTABLE and deploy by unique tags or digests.',
  references: ['CKV_AWS_51'],
  resourceTypes: ['AWS::ECR::Repository'],
  check: (repo) =>
    expectOneOf(
      repo,
      'ImageTagMutability',
      ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'],
      'Image tags can be overwritten',
      { absent: 'MUTABLE' },
    ),
  fix: {
    description: 'make tags immutable (pipelines that re-push "latest" will fail)',
    safe: false,
    patch: (repo) => setProperty(repo, 'ImageTagMutability', 'IMMUTABLE'),
  },
});
