import type { FastifyRequest } from 'fastify';

/** The header the CLI sends on every request, so what it does is counted as the CLI's. */
export const CHANNEL_HEADER = 'x-infra-copilot-channel';

/**
 * Where an HTTP request came from, for per-channel attribution: `cli` when the CLI sent it (it says so in
 * `X-Infra-Copilot-Channel`), `api` otherwise. Slack never comes through here: the bot calls the services.
 */
export function requestChannel(request: FastifyRequest): 'api' | 'cli' {
  return request.headers[CHANNEL_HEADER] === 'cli' ? 'cli' : 'api';
}
