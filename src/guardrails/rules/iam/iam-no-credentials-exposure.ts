import { defineTemplateRule } from '../../rule.ts';
import { IDENTITY_POLICY_TYPES } from '../_support/policy-statements.ts';
import { checkUnconstrainedActions } from '../_support/unconstrained-actions.ts';

const ACTIONS = [
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'iam:UpdateLoginProfile',
  'iam:UploadSSHPublicKey',
  'redshift:GetClusterCredentials',
  'sso:GetRoleCredentials',
  'sts:GetFederationToken',
  'cognito-identity:GetCredentialsForIdentity',
  'lightsail:GetInstanceAccessDetails',
];

export default defineTemplateRule({
  id: 'iam-no-credentials-exposure',
  title: 'IAM policies do not allow credentials exposure',
  severity: 'error',
  rationale:
    'Actions that create or return credentials on any resource let the principal mint keys, passwords or tokens for other identities.',
  remediation: 'Remove these actions or scope them to specific users and resources.',
  references: ['CKV_AWS_107'],
  resourceTypes: IDENTITY_POLICY_TYPES,
  check: (resource, { index }) =>
    checkUnconstrainedActions(resource, index, ACTIONS, 'Credentials can be exposed'),
});
