/** Small helpers over the change request HTTP API, returning what a client sees. */
import type { ChangeRequest } from '../../../src/change-requests/change-request.ts';
import type { TestApp, TestUser } from '../../support/test-app.ts';

export interface Reply<T = ChangeRequest> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export async function call<T = ChangeRequest>(
  t: TestApp,
  user: TestUser,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await t.app.inject({
    method,
    url,
    headers: { ...user.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json() as T, headers: res.headers };
}

export function submit(
  t: TestApp,
  user: TestUser,
  body: { proposalId: string; title?: string; channel?: 'api' | 'cli' | 'slack' },
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(t, user, 'POST', '/v1/change-requests', body, headers);
}

export function act(
  t: TestApp,
  user: TestUser,
  id: string,
  action: 'approve' | 'request-changes' | 'reject' | 'close' | 'apply' | 'mark-applied' | 'mark-failed',
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(t, user, 'POST', `/v1/change-requests/${id}/${action}`, body, headers);
}

export async function get(t: TestApp, user: TestUser, id: string): Promise<ChangeRequest> {
  return (await call(t, user, 'GET', `/v1/change-requests/${id}`)).body;
}

/** Polls GET until `done` holds (background applies), failing after `timeoutMs`. */
export async function waitFor(
  t: TestApp,
  user: TestUser,
  id: string,
  done: (cr: ChangeRequest) => boolean,
  timeoutMs = 30_000,
): Promise<ChangeRequest> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cr = await get(t, user, id);
    if (done(cr)) return cr;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting; last state ${cr.state}, apply ${cr.apply?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The stack's current baseline template as the stacks API shows it; null when there is none. */
export async function baselineOf(
  t: TestApp,
  user: TestUser,
  stack: string,
): Promise<Record<string, unknown> | null> {
  const res = await call<{ baseline: { template: Record<string, unknown> } | null }>(
    t,
    user,
    'GET',
    `/v1/stacks/${stack}`,
  );
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET /v1/stacks/${stack} answered ${res.status}`);
  return res.body.baseline?.template ?? null;
}

/** The next revision of change request `id` from a newer proposal of its conversation. */
export function revise(
  t: TestApp,
  user: TestUser,
  id: string,
  proposalId: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(t, user, 'POST', `/v1/change-requests/${id}/revisions`, { proposalId }, headers);
}
