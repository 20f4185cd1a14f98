/**
 * /v1/admin (role admin): create users, set roles / teams / disabled, issue and revoke tokens. Each change
 * is audited in the same transaction.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../http/errors/not-found-error.ts';
import { problemResponses } from '../../http/problem.ts';
import type { Db } from '../../store/database.ts';
import {
  createUserBody,
  disabledBody,
  idParams,
  issuedTokenSchema,
  issueTokenBody,
  rolesBody,
  teamsBody,
  tokenSchema,
  userSchema,
} from './admin-schemas.ts';

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 429);

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireRole('admin'));
  const tags = ['admin'];

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user',
        body: createUserBody,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await app.db.transaction().execute(async (trx) => {
        const created = await app.identity.createUser(request.body, trx);
        await app.audit.record(
          {
            request,
            action: 'user.create',
            subject: { type: 'user', id: created.id },
            after: created,
            summary: { name: created.name, roles: created.roles, teams: created.teams },
          },
          trx,
        );
        return created;
      });
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users',
        response: { 200: z.object({ users: z.array(userSchema) }), ...errors },
      },
    },
    async () => ({ users: await app.identity.listUsers() }),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema, ...errors } } },
    async (request) => app.identity.requireUser(request.params.id),
  );

  /** PUT /users/:id/<field>: changes one user inside a transaction and audits the before/after. */
  const putUserField = <B extends z.ZodType>(
    field: string,
    summary: string,
    body: B,
    action: string,
    apply: (id: string, body: z.infer<B>, trx: Db) => Promise<void>,
  ) =>
    app.put(
      `/users/:id/${field}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: userSchema, ...errors } } },
      async (request) =>
        app.db.transaction().execute(async (trx) => {
          const { id } = request.params;
          const before = await app.identity.requireUser(id, trx);
          await apply(id, request.body as z.infer<B>, trx); // the type provider cannot narrow a generic body schema
          const after = await app.identity.requireUser(id, trx);
          await app.audit.record(
            {
              request,
              action,
              subject: { type: 'user', id: after.id },
              before,
              after,
              summary: { name: after.name, roles: after.roles, teams: after.teams, disabled: after.disabled },
            },
            trx,
          );
          return after;
        }),
    );

  putUserField('roles', "Replace a user's roles", rolesBody, 'user.set_roles', (id, body, trx) =>
    app.identity.setRoles(id, body.roles, trx),
  );
  putUserField('teams', "Replace a user's teams", teamsBody, 'user.set_teams', (id, body, trx) =>
    app.identity.setTeams(id, body.teams, trx),
  );
  putUserField('disabled', 'Disable or enable a user', disabledBody, 'user.set_disabled', (id, body, trx) =>
    app.identity.setDisabled(id, body.disabled, trx),
  );

  app.get(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: "A user's tokens (never the token values)",
        params: idParams,
        response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...errors },
      },
    },
    async (request) => {
      await app.identity.requireUser(request.params.id);
      return { tokens: await app.identity.listTokens(request.params.id) };
    },
  );

  app.post(
    '/users/:id/tokens',
    {
      schema: {
        tags,
        summary: 'Issue a token (its value is shown once, in this response)',
        params: idParams,
        body: issueTokenBody,
        response: { 201: issuedTokenSchema, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await app.db.transaction().execute(async (trx) => {
        const token = await app.identity.issueToken(request.params.id, request.body.name, trx);
        const { token: _secret, ...view } = token;
        await app.audit.record(
          {
            request,
            action: 'token.issue',
            subject: { type: 'token', id: token.id },
            after: view,
            summary: { userId: token.userId, name: token.name, prefix: token.prefix },
          },
          trx,
        );
        return token;
      });
      return reply.status(201).send(issued);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token (refused at once by every replica)',
        params: idParams,
        response: { 200: tokenSchema, ...errors },
      },
    },
    async (request) =>
      app.db.transaction().execute(async (trx) => {
        const before = await app.identity.revokeToken(request.params.id, trx);
        if (!before) throw new NotFoundError(`No token ${request.params.id}.`);
        const after = await app.identity.getToken(request.params.id, trx);
        await app.audit.record(
          {
            request,
            action: 'token.revoke',
            subject: { type: 'token', id: before.id },
            before,
            after,
            summary: { userId: before.userId, name: before.name, prefix: before.prefix },
          },
          trx,
        );
        return after ?? before;
      }),
  );
};
