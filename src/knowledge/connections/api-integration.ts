import type { AccessMode } from '../../model/kinds.ts';
import { INTEGRATION_ROLE } from '../api-integration-role.ts';
import { restRequestParameters, SERVICE_INTEGRATIONS } from '../api-service-integrations.ts';
import { type CfnValue, getAtt } from '../cfn.ts';
import type { ConnectionFamily } from '../connection-family.ts';

const ROUTE: readonly AccessMode[] = ['route'];

/** AWS responses mapped to what the caller gets: success, their mistake, ours. */
const REST_RESPONSES: CfnValue[] = [
  { StatusCode: '200' },
  { StatusCode: '400', SelectionPattern: '4\\d{2}' },
  { StatusCode: '500', SelectionPattern: '5\\d{2}' },
];

/**
 * API Gateway service integrations: an `http_api` sends requests straight to SQS, EventBridge, Kinesis,
 * Step Functions (both flavours), SNS and DynamoDB (REST flavour) with the API's integration role, which
 * each connection allows exactly its target's actions on its target's ARN. What each service expects is
 * data (api-service-integrations.ts).
 */
export const apiIntegration: ConnectionFamily = {
  name: 'api-integration',
  modes(from, to) {
    return from.kind === 'http_api' && SERVICE_INTEGRATIONS[to.kind] ? ROUTE : [];
  },
  apply(ctx) {
    const { from, to, contributions, logicalId } = ctx;
    const integration = SERVICE_INTEGRATIONS[to.definition.kind]!;
    const credentials = getAtt(logicalId(from.id, INTEGRATION_ROLE), 'Arn');
    const endpoints = contributions.inbound(from.id).apiEndpoints;
    contributions.grant(from.id, integration.statements(to));
    if (from.params.flavor === 'http' && integration.http) {
      const { subtype, parameters } = integration.http(to, from);
      endpoints.push({
        peer: to.id,
        method: 'POST',
        path: '',
        http: {
          IntegrationType: 'AWS_PROXY',
          IntegrationSubtype: subtype,
          CredentialsArn: credentials,
          RequestParameters: parameters,
          PayloadFormatVersion: '1.0',
        },
      });
      return;
    }
    for (const method of integration.rest(to, from)) {
      endpoints.push({
        peer: to.id,
        method: method.method,
        path: method.path,
        rest: {
          Type: 'AWS',
          IntegrationHttpMethod: 'POST',
          Uri: method.uri,
          Credentials: credentials,
          PassthroughBehavior: 'NEVER',
          RequestParameters: restRequestParameters(method.headers),
          RequestTemplates: { 'application/json': method.template },
          IntegrationResponses: REST_RESPONSES,
        },
      });
    }
  },
};
