import type { ResourceView, TemplateIndex } from '../../rule.ts';

const DISTRIBUTION = 'AWS::CloudFront::Distribution';
/** What a distribution's LambdaFunctionAssociations point at: a published version (or an alias of one). */
const PUBLISHED = new Set(['AWS::Lambda::Version', 'AWS::Lambda::Alias']);

/**
 * Whether a function runs at CloudFront's edge (Lambda@Edge): a distribution of the template references
 * it, or a version or alias of it. Such functions run in CloudFront's locations and cannot be attached
 * to a VPC.
 */
export function isEdgeFunction(fn: ResourceView, index: TemplateIndex): boolean {
  for (const user of index.referencedBy(fn.logicalId)) {
    if (user.type === DISTRIBUTION) return true;
    if (PUBLISHED.has(user.type) && index.referencedBy(user.logicalId).some((r) => r.type === DISTRIBUTION))
      return true;
  }
  return false;
}
