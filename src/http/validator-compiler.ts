/**
 * The zod validator compiler, except that a request without a body is validated as `undefined` (fastify
 * hands validators `null`), so a body schema with `.default({})` accepts a bodyless POST such as
 * `POST /v1/change-requests/:id/approve` with only an `If-Match` header, or `POST /v1/waivers/:id/revoke`.
 */
import { validatorCompiler } from 'fastify-type-provider-zod';

export const bodyOptionalValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart !== 'body') return validate;
  return (data) => validate(data === null ? undefined : data);
};
