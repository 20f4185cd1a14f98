import { describe, expect, it } from 'vitest';
import { estimateTemplateCost } from '../../src/cost/estimate-template-cost.ts';

describe('estimating a baseline template without its architecture', () => {
  it('prices what it can and lists the rest as unpriced, never as zero', () => {
    const estimate = estimateTemplateCost(
      {
        Resources: {
          Key: { Type: 'AWS::KMS::Key', Properties: {} },
          Odd: { Type: 'AWS::Mystery::Thing' },
          Broken: 'not a resource',
        },
      },
      'us-east-1',
    );
    expect(estimate.resources.map((r) => r.logicalId)).toEqual(['Key']);
    expect(estimate.total).toBe(estimate.resources[0]?.monthly);
    expect(estimate.unpriced.map((u) => [u.logicalId, u.type])).toEqual([
      ['Odd', 'AWS::Mystery::Thing'],
      ['Broken', '(unknown)'],
    ]);
  });

  it('gives an empty estimate for a template without resources', () => {
    expect(estimateTemplateCost({}, 'us-east-1')).toMatchObject({ total: 0, resources: [], unpriced: [] });
  });
});
