/**
 * Configuration, parsed once at boot from the environment. One flat object keyed by the environment variable
 * name, grouped by area below: to add a setting, add ONE line to your area's group (or a new group) with a
 * zod schema that has a `.describe()` saying the expected form. Empty strings count as unset.
 */
import { z } from 'zod';
import { ConfigError } from './config-error.ts';

const port = z.coerce.number().int().min(0).max(65535).describe('an integer port 0-65535');
const optionalText = z.string().min(1).optional();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .describe('true or false');

/** Server and HTTP. */
const server = {
  PORT: port.default(8080),
  HOST: z.string().min(1).describe('a host name or IP address to listen on').default('127.0.0.1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .describe('one of fatal, error, warn, info, debug, trace, silent')
    .default('info'),
  BODY_LIMIT: z.coerce.number().int().positive().describe('a body size limit in bytes').default(1_048_576),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().describe('requests per window per token').default(1200),
  RATE_LIMIT_WINDOW_MS: z.coerce
    .number()
    .int()
    .positive()
    .describe('a window in milliseconds')
    .default(60_000),
  TRUST_PROXY: bool.default(false),
};

/** Store. */
const store = {
  DATA_DIR: z.string().min(1).describe('a directory path').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres://user@host:port/database')
    .describe('a postgres://user@host:port/database URL')
    .optional(),
};

/** Identity. */
const identity = {
  COPILOT_ADMIN_TOKEN: z.string().min(16).describe('a token of at least 16 characters').optional(),
  BOOTSTRAP_TOKEN_FILE: bool.describe('true or false').default(true),
};

/** Planner (issue 5). */
const planner = {
  PLANNER: z
    .enum(['embedded', 'llm', 'auto'])
    .describe('embedded, llm or auto (llm when OPENAI_API_KEY is set)')
    .default('auto'),
  OPENAI_API_KEY: optionalText.describe('an API key'),
  OPENAI_BASE_URL: z.url().describe('an http(s) URL').optional(),
  OPENAI_MODEL: z.string().min(1).describe('a model name').default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .describe('milliseconds, 100-600000')
    .default(20_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).describe('an integer 0-10').default(2),
};

/** Slack (issue 7). */
const slack = {
  SLACK_BOT_TOKEN: optionalText.describe('a Slack bot token (xoxb-...)'),
  SLACK_SIGNING_SECRET: optionalText.describe('a Slack signing secret'),
  SLACK_API_URL: z.url().describe('an http(s) URL').optional(),
  SLACK_REVIEW_CHANNEL: z
    .string()
    .regex(/^[A-Z0-9]{2,20}$/)
    .describe('a Slack channel id such as C0123ABCD')
    .optional(),
  SLACK_CHANNEL_TEAMS: z
    .string()
    .regex(/^[A-Z0-9]{2,20}=[a-z0-9][a-z0-9-]{0,62}(,[A-Z0-9]{2,20}=[a-z0-9][a-z0-9-]{0,62})*$/)
    .describe('channel=team pairs such as C0123ABCD=payments,C0456EFGH=search')
    .optional(),
  SLACK_OUTBOX_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .describe('milliseconds, 100-3600000')
    .default(15_000),
  /** How often each replica looks for Slack jobs left unfinished (by a replica that died, or to retry). */
  SLACK_JOB_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .describe('milliseconds, 100-600000')
    .default(2_000),
  /** A running Slack job's lease, renewed while it runs; a dead replica's jobs are taken over after it. */
  SLACK_JOB_LEASE_MS: z.coerce
    .number()
    .int()
    .min(300)
    .max(600_000)
    .describe('milliseconds, 300-600000')
    .default(15_000),
};

/** AWS (issue 6). */
const aws = {
  /** Set to use AWS (baselines read with GetTemplate, change sets); unset keeps everything in the store. */
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region such as eu-west-1')
    .describe('an AWS region such as eu-west-1')
    .optional(),
  CFN_ENDPOINT: z.url().describe('an http(s) URL').optional(),
  /** Templates over 51,200 bytes are uploaded here and passed to CloudFormation as TemplateURL. */
  CFN_TEMPLATE_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name')
    .describe('an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)')
    .optional(),
  CFN_TEMPLATE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()/-]{1,200}$/, 'an S3 key prefix')
    .describe('an S3 key prefix such as infra-copilot/templates/')
    .optional(),
  S3_ENDPOINT: z.url().describe('an http(s) URL').optional(),
  APPLY_MODE: z
    .enum(['export', 'changeset', 'execute'])
    .describe('export, changeset or execute')
    .default('export'),
};

/** Change requests: approval rule, risk, apply (issue 6). */
const changes = {
  APPROVAL_LOW_APPROVALS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .describe('approvals for low risk, 1-10')
    .default(1),
  APPROVAL_LOW_POLICY_ADMIN: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .describe('policy_admin approvals for low risk, 0-10')
    .default(0),
  APPROVAL_HIGH_APPROVALS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .describe('approvals for high risk, 1-10')
    .default(2),
  APPROVAL_HIGH_POLICY_ADMIN: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .describe('policy_admin approvals for high risk, 0-10')
    .default(1),
  APPROVAL_CROSS_TEAM: bool.describe('true or false: reviewers of another team may approve').default(false),
  APPROVAL_INFRA_TEAMS: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'team names')
    .describe('comma-separated team names whose reviewers review every team')
    .optional(),
  RISK_COST_THRESHOLD_USD: z.coerce.number().min(0).describe('a monthly USD amount').default(500),
  RISK_COST_THRESHOLD_BY_TEAM: z
    .string()
    .regex(/^[a-z0-9-]+=\d+(\.\d+)?(,[a-z0-9-]+=\d+(\.\d+)?)*$/, 'team=amount list')
    .describe('comma-separated team=USD pairs, e.g. payments=1000,search=200')
    .optional(),
  APPLY_POLL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(60_000)
    .describe('milliseconds between CloudFormation polls, 10-60000')
    .default(5_000),
  APPLY_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .describe('milliseconds an apply driver owns an attempt, 1000-3600000')
    .default(60_000),
};

export const configSchema = z.object({
  ...server,
  ...store,
  ...identity,
  ...planner,
  ...slack,
  ...aws,
  ...changes,
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment into a Config, or throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const field = configSchema.shape[variable as keyof typeof configSchema.shape];
  const expected = (field && describedAs(field)) ?? issue?.message ?? 'a valid value';
  const secret = /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/.test(variable);
  const got = secret ? '' : `, got ${JSON.stringify(input[variable] ?? '')}`;
  throw new ConfigError(variable, `expected ${expected}${got}`);
}

/** The `.describe()` text of a schema, looking through `.default()` / `.optional()` wrappers. */
function describedAs(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (current.description) return current.description;
    const inner: unknown = (current.def as { innerType?: unknown }).innerType;
    current = inner instanceof z.ZodType ? inner : undefined;
  }
  return undefined;
}

/** A Config for code paths that need one without an environment (tests, the CLI's in-process app). */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
