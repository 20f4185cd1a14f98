/**
 * `createTestApp()`: the production app (buildApp) on an isolated schema of the test database, migrated,
 * ready for `app.inject()`, plus helpers to create users with roles/teams and bearer tokens.
 *
 *   const t = await createTestApp();
 *   afterAll(() => t.close());
 *   const dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
 *   const res = await t.app.inject({ method: 'GET', url: '/v1/me', headers: dev.headers });
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type App, type BuildAppOverrides, buildApp } from '../../src/app.ts';
import { type Config, defaultConfig } from '../../src/config/config.ts';
import type { UserView } from '../../src/identity/identity-service.ts';
import type { Role } from '../../src/identity/roles.ts';
import { dropTestSchema, freshSchemaName, openTestStore } from './test-database.ts';

export interface TestAppOptions {
  /** Config overrides (the base is the default config with LOG_LEVEL silent and no bootstrap file). */
  config?: Partial<Config>;
  /** Share the schema (the data) of another test app: a second "replica". */
  shareWith?: TestApp;
  /** A logger to capture log lines (default: the config's, silent). */
  logger?: FastifyBaseLogger;
  /** Run before `ready()`: register extra test-only routes or plugins here. */
  beforeReady?: (app: App) => void | Promise<void>;
  /** Integration timing overrides passed to buildApp (Slack retry delays). */
  overrides?: Pick<BuildAppOverrides, 'slack'>;
}

export interface TestUserOptions {
  name?: string;
  roles?: Role[];
  teams?: string[];
}

export interface TestUser {
  user: UserView;
  /** The bearer token value. */
  token: string;
  tokenId: string;
  /** `{ authorization: 'Bearer <token>' }` for inject(). */
  headers: { authorization: string };
}

export interface TestApp {
  app: App;
  config: Config;
  /** The schema this app's data lives in. */
  schema: string;
  /** Creates a user (unique name unless given) with roles/teams and issues a token. */
  createUser(options?: TestUserOptions): Promise<TestUser>;
  /** Shortcut: a user with role admin. */
  createAdmin(options?: Omit<TestUserOptions, 'roles'>): Promise<TestUser>;
  /** Closes the app; drops the schema unless another test app shares it (the last one drops it). */
  close(): Promise<void>;
}

interface SchemaShare {
  users: number;
}
const shares = new Map<string, SchemaShare>();

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const schema = options.shareWith?.schema ?? freshSchemaName();
  const share = shares.get(schema) ?? { users: 0 };
  share.users += 1;
  shares.set(schema, share);
  const config = defaultConfig({
    LOG_LEVEL: 'silent',
    BOOTSTRAP_TOKEN_FILE: false,
    RATE_LIMIT_MAX: 100_000,
    DATA_DIR: `/tmp/infra-copilot-test-${schema}`,
    ...options.config,
  });
  const store = await openTestStore(schema);
  const app = await buildApp(config, {
    store,
    processMetrics: false,
    bootstrapTokenFile: false,
    ...options.overrides,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await options.beforeReady?.(app);
  await app.ready();

  let closed = false;
  const createUser = async (userOptions: TestUserOptions = {}): Promise<TestUser> => {
    const name = userOptions.name ?? `user-${randomBytes(4).toString('hex')}`;
    const user = await app.identity.createUser({
      name,
      roles: userOptions.roles ?? [],
      teams: userOptions.teams ?? [],
    });
    const issued = await app.identity.issueToken(user.id, 'test');
    return {
      user,
      token: issued.token,
      tokenId: issued.id,
      headers: { authorization: `Bearer ${issued.token}` },
    };
  };
  return {
    app,
    config,
    schema,
    createUser,
    createAdmin: (userOptions = {}) => createUser({ ...userOptions, roles: ['admin'] }),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      share.users -= 1;
      if (share.users === 0) {
        shares.delete(schema);
        await dropTestSchema(schema);
      }
    },
  };
}
