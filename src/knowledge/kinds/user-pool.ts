import { type CfnValue, ref, sub } from '../cfn.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';

/** The feature an `auth` connection to a load balancer switches on: the hosted sign-in domain. */
export const HOSTED_UI = 'hosted-ui';

/** Roles of a user pool's resources that connections refer to. */
export const USER_POOL_ROLES = { pool: 'pool', client: 'client', domain: 'domain' } as const;

/** Words Cognito refuses in a domain prefix. */
const RESERVED_IN_DOMAIN = /aws|amazon|cognito/g;

export default defineKind({
  kind: 'user_pool',
  title: 'User pool',
  description:
    "A Cognito user pool (sign-in with email, 12-character password policy, TOTP MFA (required in prod, optional elsewhere), recovery by verified email, deletion protection and retention in prod) and an app client without a secret (SRP and refresh tokens, token revocation, no user-existence leaks); an `auth` connection makes it the authorizer of an HTTP API (a JWT authorizer, or a Cognito authorizer on a REST API) or of a load balancer (authenticate-cognito with the pool's hosted sign-in domain and a client of the balancer's own).",
  awsResources: ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain'],
  network: 'never',
  params: [
    param({
      name: 'sign_in',
      type: 'string',
      description: 'What people sign in with: their email address, or a username of their choice.',
      default: 'email',
      allowed: ['email', 'username'],
    }),
    param({
      name: 'self_sign_up',
      type: 'boolean',
      description: 'Let people sign themselves up (otherwise only administrators create users).',
      default: true,
    }),
    param({
      name: 'mfa',
      type: 'string',
      description: 'Multi-factor authentication with an authenticator app (TOTP); required in prod.',
      default: { dev: 'OPTIONAL', staging: 'OPTIONAL', prod: 'ON' },
      allowed: ['OFF', 'OPTIONAL', 'ON'],
    }),
    param({
      name: 'feature_plan',
      type: 'string',
      description: 'Cognito feature plan (pricing tier): LITE, ESSENTIALS (the AWS default) or PLUS.',
      default: 'ESSENTIALS',
      allowed: ['LITE', 'ESSENTIALS', 'PLUS'],
    }),
    param({
      name: 'callback_urls',
      type: 'string_list',
      description:
        'HTTPS URLs the hosted sign-in page may redirect to (OAuth code flow for the app client); empty for none.',
      default: [],
    }),
    param({
      name: 'monthly_active_users',
      type: 'integer',
      unit: 'MAU',
      description: 'Cost assumption: users who sign in at least once a month.',
      default: 1000,
      min: 0,
      usage: true,
    }),
  ],
  expand(ctx) {
    const { params } = ctx;
    const poolId = ctx.logicalId(USER_POOL_ROLES.pool);
    const mfa = params.mfa as string;
    const email = params.sign_in === 'email';
    const pool: Record<string, CfnValue> = {
      UserPoolName: ctx.name(undefined, 128),
      UserPoolTier: params.feature_plan as string,
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      MfaConfiguration: mfa,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: params.self_sign_up !== true },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      DeletionProtection: ctx.prod ? 'ACTIVE' : 'INACTIVE',
    };
    if (email) pool.UsernameAttributes = ['email'];
    if (mfa !== 'OFF') pool.EnabledMfas = ['SOFTWARE_TOKEN_MFA'];
    const callbacks = params.callback_urls as string[];
    const client: Record<string, CfnValue> = {
      UserPoolId: ref(poolId),
      ClientName: ctx.name('app', 128),
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      SupportedIdentityProviders: ['COGNITO'],
    };
    if (callbacks.length > 0) {
      client.AllowedOAuthFlowsUserPoolClient = true;
      client.AllowedOAuthFlows = ['code'];
      client.AllowedOAuthScopes = ['email', 'openid', 'profile'];
      client.CallbackURLs = [...callbacks].sort();
    }
    const out: Record<string, ResourceDraft> = {
      [USER_POOL_ROLES.pool]: {
        Type: 'AWS::Cognito::UserPool',
        ...ctx.statefulPolicy(),
        Properties: pool,
      },
      [USER_POOL_ROLES.client]: { Type: 'AWS::Cognito::UserPoolClient', Properties: client },
    };
    if (callbacks.length > 0 || ctx.inbound.features.includes(HOSTED_UI)) {
      // A domain prefix is unique per region across all accounts: the account id keeps it ours.
      const prefix = ctx.name(undefined, 50).replace(RESERVED_IN_DOMAIN, 'x');
      out[USER_POOL_ROLES.domain] = {
        Type: 'AWS::Cognito::UserPoolDomain',
        Properties: { Domain: sub(`${prefix}-\${AWS::AccountId}`), UserPoolId: ref(poolId) },
      };
    }
    ctx.output(`${ctx.id}-user-pool-id`, { Description: `Id of user pool ${ctx.id}`, Value: ref(poolId) });
    ctx.output(`${ctx.id}-client-id`, {
      Description: `Id of the app client of user pool ${ctx.id}`,
      Value: ref(ctx.logicalId(USER_POOL_ROLES.client)),
    });
    return out;
  },
});
