import type { App } from '../../../src/app.ts';
import { signSlackRequest } from '../../../src/slack/verify-slack-signature.ts';

/** A request signed as Slack signs it, through inject. */
export function signedSlack(
  app: App,
  secret: string,
  path: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return app.inject({
    method: 'POST',
    url: path,
    payload: body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(secret, timestamp, body),
      ...headers,
    },
  });
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** A slash command's form body. */
export function commandForm(fields: Record<string, string>): string {
  return new URLSearchParams({ command: '/infra', team_id: 'T1', ...fields }).toString();
}
