import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { evaluateTemplate } from '../../src/guardrails/evaluate.ts';
import { builtInRules } from '../../src/guardrails/rules/index.ts';

const rules = builtInRules.filter((rule) => rule.id === 'iam-role-trust-no-account-root');
const context = { team: null, environment: null };

/** A role whose trust policy is Fn::Sub over JSON text, trusting `principal`. */
function roleTrusting(principal: string, parameters = ''): string {
  return `
${parameters}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: !Sub |
        {
          "Statement": [
            { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" },
            { "Effect": "Allow", "Principal": { "AWS": "${principal}" }, "Action": "sts:AssumeRole" }
          ]
        }
`;
}

/** Where findings on the second statement's principal point. */
const PRINCIPAL = '/Resources/Role/Properties/AssumeRolePolicyDocument/Statement/1/Principal/AWS';

function verdicts(text: string): string[] {
  return evaluateTemplate(parseTemplateText(text), { rules, context }).findings.map(
    (f) => `${f.status} ${f.path}`,
  );
}

describe('policy documents written as Fn::Sub over JSON text', () => {
  it('reads the statements although a placeholder is known only at deploy time', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
    const text = roleTrusting('arn:aws:iam::111122223333:root", "Sid": "${AWS::StackName}');
    expect(verdicts(text)).toEqual([`fail ${PRINCIPAL}`]);
  });

  it('keeps only the values that depend on an unknown placeholder unknown', () => {
    const noValue = 'Parameters:\n  Trusted: { Type: String }';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
    const text = roleTrusting('${Trusted}', noValue);
    expect(verdicts(text)).toEqual([`unknown ${PRINCIPAL}`]);
  });

  it('sees the account root written with placeholders inside the text', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
    const text = roleTrusting('arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
    expect(verdicts(text)).toEqual([`fail ${PRINCIPAL}`]);
  });

  it("resolves placeholders from the template's parameters", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
    const principal = 'arn:aws:iam::${Trusted}:root';
    const withDefault = 'Parameters:\n  Trusted: { Type: String, Default: "111122223333" }';
    expect(verdicts(roleTrusting(principal, withDefault))).toEqual([`fail ${PRINCIPAL}`]);
    const roleName = 'Parameters:\n  Trusted: { Type: String, Default: "111122223333:role/deployer" }';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JS template
    expect(verdicts(roleTrusting('arn:aws:iam::${Trusted}', roleName))).toEqual([]);
  });
});
