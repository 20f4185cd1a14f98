/**
 * application/problem+json (RFC 9457) documents. `type` is a stable URI per error concept:
 * `https://infra-copilot.dev/problems/<slug>`. Routes declare error responses with `problemResponses(...)`.
 */
import { z } from 'zod';
import type { AppError } from '../errors/app-error.ts';

export const PROBLEM_TYPE_BASE = 'https://infra-copilot.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json error document' });

export type Problem = z.infer<typeof problemSchema>;

/** `{400: problemSchema, 401: problemSchema, ...}` for a route's `response` schema. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}

const reserved = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId']);

export function toProblem(error: AppError, requestId: string, instance?: string): Problem {
  const doc: Problem = {
    type: problemType(error.type),
    title: error.title,
    status: error.status,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(instance === undefined ? {} : { instance }),
    requestId,
  };
  for (const [key, value] of Object.entries(error.extensions)) if (!reserved.has(key)) doc[key] = value;
  return doc;
}
