import type { CfnObject, CfnValue } from './cfn.ts';

/**
 * A resource-policy statement denying every request not made over TLS. Deny statements may use `*`
 * principals and service-wide actions: they only take permissions away.
 */
export function denyInsecureTransport(actionPrefix: string, resources: CfnValue[]): CfnObject {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: `${actionPrefix}:*`,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
