import { AppError } from '../errors/app-error.ts';

/** A request that does not carry Slack's valid v0 signature (or is outside the 5-minute window). */
export class SlackSignatureError extends AppError {
  readonly type = 'slack-signature-invalid';
  readonly status = 401;
  readonly title = 'Slack signature invalid';

  constructor(reason: string) {
    super(`The request is not signed by Slack: ${reason}.`, { extensions: { reason } });
  }
}

/** A signed request whose body is not what that Slack endpoint sends. */
export class SlackPayloadError extends AppError {
  readonly type = 'slack-payload-invalid';
  readonly status = 400;
  readonly title = 'Slack payload invalid';

  constructor(detail: string, errors: { path: string; message: string }[] = []) {
    super(detail, { extensions: { errors } });
  }
}
