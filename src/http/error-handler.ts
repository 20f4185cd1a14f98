/**
 * One error handler for the whole app: AppError subclasses, zod / fastify validation errors, body parser
 * errors, and everything else (500, internals only in the log) become application/problem+json.
 * Unknown routes are 404 problems too.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { BadRequestError } from './errors/bad-request-error.ts';
import { ForbiddenError } from './errors/forbidden-error.ts';
import { InternalError } from './errors/internal-error.ts';
import { MalformedJsonError } from './errors/malformed-json-error.ts';
import { NotFoundError } from './errors/not-found-error.ts';
import { PayloadTooLargeError } from './errors/payload-too-large-error.ts';
import { RateLimitedError } from './errors/rate-limited-error.ts';
import { UnauthorizedError } from './errors/unauthorized-error.ts';
import { UnsupportedMediaTypeError } from './errors/unsupported-media-type-error.ts';
import { type FieldError, ValidationError } from './errors/validation-error.ts';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem.ts';

const contextNames: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function joinPath(context: string, segments: ReadonlyArray<PropertyKey>): string {
  return [context, ...segments.map(String)].filter((s) => s !== '').join('.');
}

/** Field errors from zod issues; unknown keys become one error per key, at the key's own path. */
export function fieldErrorsFromZod(issues: ReadonlyArray<z.core.$ZodIssue>, context = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({ path: joinPath(context, [...issue.path, key]), message: 'unknown field' });
    } else {
      errors.push({ path: joinPath(context, issue.path), message: issue.message });
    }
  }
  return errors;
}

interface ValidationLike {
  instancePath: string;
  message?: string | undefined;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldErrorsFromValidation(validation: ValidationLike[], context: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const v of validation) {
    const segments = v.instancePath.split('/').filter((s) => s !== '');
    const keys = v.params.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys)
        errors.push({ path: joinPath(context, [...segments, String(key)]), message: 'unknown field' });
    } else if (v.keyword === 'additionalProperties' && typeof v.params.additionalProperty === 'string') {
      errors.push({
        path: joinPath(context, [...segments, v.params.additionalProperty]),
        message: 'unknown field',
      });
    } else {
      errors.push({ path: joinPath(context, segments), message: v.message ?? 'invalid value' });
    }
  }
  return errors;
}

/** Maps anything thrown in a request to an AppError (the one we show). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new ValidationError(fieldErrorsFromZod(error.issues));
  const fe = error as Partial<FastifyError> & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(error) || Array.isArray(fe.validation)) {
    const context = contextNames[fe.validationContext ?? ''] ?? fe.validationContext ?? '';
    return new ValidationError(fieldErrorsFromValidation((fe.validation ?? []) as ValidationLike[], context));
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new MalformedJsonError('The request body is empty but its Content-Type is application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new MalformedJsonError();
    default:
      break;
  }
  const status = fe.statusCode;
  if (status === 400 && error instanceof SyntaxError) return new MalformedJsonError();
  if (status === 401) return new UnauthorizedError();
  if (status === 403) return new ForbiddenError();
  if (status === 404) return new NotFoundError();
  if (status === 413) return new PayloadTooLargeError();
  if (status === 415) return new UnsupportedMediaTypeError();
  if (status === 429) return new RateLimitedError();
  if (status !== undefined && status >= 400 && status < 500) return new BadRequestError(fe.message);
  return new InternalError(undefined, { cause: error });
}

function sendProblem(reply: FastifyReply, error: AppError, requestId: string): void {
  reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(toProblem(error, requestId));
}

async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: appError.type, detail: appError.detail }, 'request rejected');
    sendProblem(reply, appError, request.id);
  });
  app.setNotFoundHandler((request, reply) => {
    sendProblem(
      reply,
      new NotFoundError(`No route ${request.method} ${request.url.split('?')[0]}.`),
      request.id,
    );
  });
}

export default fp(errorHandler, { name: 'error-handler' });
