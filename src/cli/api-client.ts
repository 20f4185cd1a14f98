/**
 * The API as the CLI sees it: `request(method, path, body?)` → `{status, headers, body}` (JSON parsed),
 * over HTTP to a running server or through `app.inject()` to an in-process app.
 */
import type { App } from '../app.ts';
import { CHANNEL_HEADER } from '../http/request-channel.ts';
import { parseJson } from '../json/parse-json.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface ApiClient {
  /** Where requests go: the server URL, or `in-process`. */
  readonly target: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (!contentType || !/json/.test(contentType)) return text;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

/** Every CLI request says it comes from the CLI, so the server attributes what it does to the `cli` channel. */
function headersFor(token: string | undefined, body: unknown): Record<string, string> {
  return {
    [CHANNEL_HEADER]: 'cli',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
}

export function httpApiClient(baseUrl: string, token: string | undefined): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    target: base,
    async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: headersFor(token, body),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { status: res.status, headers, body: parseBody(text, headers['content-type']) as T };
    },
    async close() {},
  };
}

export function inProcessApiClient(app: App, token: string | undefined): ApiClient {
  return {
    target: 'in-process',
    async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
      const res = await app.inject({
        method: method as 'GET',
        url: path,
        headers: headersFor(token, body),
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(res.headers))
        if (value !== undefined) headers[key] = String(value);
      return { status: res.statusCode, headers, body: parseBody(res.body, headers['content-type']) as T };
    },
    async close() {
      await app.close();
    },
  };
}
