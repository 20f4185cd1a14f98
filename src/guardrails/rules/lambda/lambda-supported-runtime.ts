import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

/** Runtimes past their Lambda deprecation date (no security patches). */
const DEPRECATED = [
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'ruby2.5',
  'ruby2.7',
  'ruby3.2',
  'java8',
  'go1.x',
  'provided',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet5.0',
  'dotnet6',
  'dotnet7',
];

export default defineTemplateRule({
  id: 'lambda-supported-runtime',
  title: 'Lambda functions use a runtime that still gets security updates',
  severity: 'warning',
  rationale:
    'Deprecated runtimes no longer receive security patches, and AWS eventually blocks creating and updating functions that use them.',
  remediation: 'Move to a current runtime (for example nodejs22.x, python3.13, java21, provided.al2023).',
  references: ['CKV_AWS_363', 'AwsSolutions-L1'],
  resourceTypes: ['AWS::Lambda::Function'],
  check: (fn) => expectNoneOf(fn, 'Runtime', DEPRECATED, 'The runtime is deprecated'),
});
