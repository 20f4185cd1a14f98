import { defineArchitectureRule } from '../../rule.ts';

export default defineArchitectureRule({
  id: 'no-public-bucket',
  title: 'Buckets are private unless they serve a static site',
  severity: 'error',
  scope: ['bucket'],
  rationale:
    'Public buckets are the most common way data leaks from AWS. Public web content belongs in a `static_site`, which keeps the bucket private behind CloudFront origin access control.',
  remediation:
    'Remove `public: true` from the bucket; to publish web content use a `static_site` component (or a `cdn` with the bucket as its origin).',
  references: ['AwsSolutions-S2'],
  check(subject) {
    if (subject?.params.public === true) {
      return {
        status: 'fail',
        message: `Bucket "${subject.id}" has public: true; expected a private bucket (use a static_site for public web content).`,
        path: 'params.public',
        actual: true,
        expected: false,
      };
    }
    return { status: 'pass' };
  },
  fix: {
    description: 'make the bucket private (public: false)',
    safe: false,
    operations: (subject) =>
      subject ? [{ op: 'update_params', id: subject.id, params: { public: false } }] : [],
  },
});
