import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../src/diff/diff-templates.ts';
import { renderDiffMarkdown } from '../../src/diff/render-diff-markdown.ts';
import { renderDiffText } from '../../src/diff/render-diff-text.ts';

const before = {
  Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro' } } },
};
const after = {
  Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.huge' } } },
};

describe('the cost of a diff', () => {
  it('gives an unknown cost and delta, never a lower number, when something after the change has no price', () => {
    const unpriced = [
      'Db (AWS::RDS::DBInstance): no list price for RDS instance class db.x9.huge in the price table',
    ];
    const d = diffTemplates(before, after, { costBefore: 120, costAfter: null, unpricedAfter: unpriced });
    expect(d.cost).toEqual({
      currency: 'USD',
      monthlyBefore: 120,
      monthlyAfter: null,
      monthlyDelta: null,
      unpriced: { before: [], after: unpriced },
    });
    expect(renderDiffText(d)).toContain('Monthly cost: $120.00 -> unknown (change unknown)');
    expect(renderDiffText(d)).toContain('unpriced: Db (AWS::RDS::DBInstance): no list price');
    expect(renderDiffMarkdown(d)).toContain('| $120.00/mo | unknown | unknown |');
  });

  it('gives the before, after and delta rounded to cents when everything is priced', () => {
    expect(diffTemplates(before, after, { costBefore: 12.345, costAfter: 20 }).cost).toEqual({
      currency: 'USD',
      monthlyBefore: 12.35,
      monthlyAfter: 20,
      monthlyDelta: 7.65,
      unpriced: { before: [], after: [] },
    });
  });
});
