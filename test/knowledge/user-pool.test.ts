import { describe, expect, it } from 'vitest';
import { expandShop as expand, props } from './support/shop-architecture.ts';

describe('user pool', () => {
  it('is a Cognito pool with a strong password policy, kept in prod, and an app client without a secret', () => {
    const t = expand([{ id: 'users', kind: 'user_pool', params: {} }], []);
    expect(t.Resources.UsersPool!.DeletionPolicy).toBe('Retain');
    expect(props(t.Resources.UsersPool)).toMatchObject({
      UsernameAttributes: ['email'],
      DeletionProtection: 'ACTIVE',
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: true } },
    });
    expect(props(t.Resources.UsersClient)).toMatchObject({
      UserPoolId: { Ref: 'UsersPool' },
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
    // no hosted sign-in without callback URLs or a load balancer to sign in to
    expect(t.Resources.UsersDomain).toBeUndefined();
  });

  it('authorizes every route of an HTTP API with a JWT authorizer on its issuer and app client', () => {
    const t = expand(
      [
        { id: 'users', kind: 'user_pool', params: {} },
        { id: 'api', kind: 'http_api', params: {} },
        { id: 'jobs', kind: 'queue', params: {} },
      ],
      [
        { from: 'users', to: 'api', access: 'auth' },
        { from: 'api', to: 'jobs', access: 'route' },
      ],
    );
    expect(props(t.Resources.ApiAuthorizer)).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
        Issuer: { 'Fn::Sub': 'https://${UsersPool.ProviderURL}' },
        Audience: [{ Ref: 'UsersClient' }],
      },
    });
    expect(props(t.Resources.ApiRouteJobs)).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: 'ApiAuthorizer' },
    });
  });

  it('is the Cognito authorizer of a REST API', () => {
    const t = expand(
      [
        { id: 'users', kind: 'user_pool', params: {} },
        { id: 'api', kind: 'http_api', params: { flavor: 'rest' } },
        { id: 'fn', kind: 'function', params: {} },
      ],
      [
        { from: 'users', to: 'api', access: 'auth' },
        { from: 'api', to: 'fn', access: 'route' },
      ],
    );
    expect(props(t.Resources.ApiAuthorizer)).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [{ 'Fn::GetAtt': ['UsersPool', 'Arn'] }],
    });
    expect(props(t.Resources.ApiMethodFnProxyAny)).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizerId: { Ref: 'ApiAuthorizer' },
    });
  });

  it('signs people in before every route of a load balancer', () => {
    const t = expand(
      [
        { id: 'users', kind: 'user_pool', params: {} },
        { id: 'lb', kind: 'load_balancer', params: {} },
        { id: 'web', kind: 'container_service', params: { image: 'nginx:1' } },
        { id: 'admin', kind: 'container_service', params: { image: 'nginx:1' } },
      ],
      [
        { from: 'users', to: 'lb', access: 'auth' },
        { from: 'lb', to: 'admin', access: 'route' },
        { from: 'lb', to: 'web', access: 'route' },
      ],
    );
    expect(props(t.Resources.UsersDomain).UserPoolId).toEqual({ Ref: 'UsersPool' });
    expect(props(t.Resources.LbUserPoolClient)).toMatchObject({
      GenerateSecret: true,
      AllowedOAuthFlows: ['code'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
      CallbackURLs: [{ 'Fn::Sub': 'https://${LbLoadBalancer.DNSName}/oauth2/idpresponse' }],
    });
    const authenticate = {
      Type: 'authenticate-cognito',
      Order: 1,
      AuthenticateCognitoConfig: expect.objectContaining({
        UserPoolArn: { 'Fn::GetAtt': ['UsersPool', 'Arn'] },
        UserPoolClientId: { Ref: 'LbUserPoolClient' },
        UserPoolDomain: { Ref: 'UsersDomain' },
      }),
    };
    expect(props(t.Resources.LbHttpsListener).DefaultActions).toEqual([
      authenticate,
      { Type: 'forward', TargetGroupArn: { Ref: 'LbTargetAdmin' }, Order: 2 },
    ]);
    expect(props(t.Resources.LbRuleWeb).Actions).toEqual([
      authenticate,
      { Type: 'forward', TargetGroupArn: { Ref: 'LbTargetWeb' }, Order: 2 },
    ]);
    expect(props(t.Resources.LbSg).SecurityGroupEgress).toContainEqual(
      expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 }),
    );
  });

  it('refuses an API that says IAM but is authorized by a pool, naming both', () => {
    expect(() =>
      expand(
        [
          { id: 'users', kind: 'user_pool', params: {} },
          { id: 'api', kind: 'http_api', params: { authorization: 'iam' } },
        ],
        [{ from: 'users', to: 'api', access: 'auth' }],
      ),
    ).toThrow('API "api" has authorization "iam", but user pool users authorizes it: remove one of the two');
  });
});
