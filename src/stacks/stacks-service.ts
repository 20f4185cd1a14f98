import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { type AwsConfig, createCloudFormationClient, isAwsConfigured } from '../aws/cloudformation-client.ts';
import { getDeployedTemplateText } from '../aws/get-deployed-template.ts';
import type { CfnTemplate } from '../cfn/cfn-template.ts';
import type { TemplateParser } from '../cfn/template-parser.ts';
import { diffTemplates } from '../diff/diff-templates.ts';
import { ForbiddenError } from '../http/errors/forbidden-error.ts';
import { NotFoundError } from '../http/errors/not-found-error.ts';
import { type AuthUser, hasRole } from '../identity/roles.ts';
import { getProposal } from '../proposal/proposal-repository.ts';
import type { StackDiff } from '../diff/stack-diff.ts';
import type { Database } from '../store/database.ts';
import {
  type Baseline,
  type BaselineVersion,
  createStack,
  findStack,
  getBaseline,
  getBaselineVersion,
  listBaselines,
  listStacks,
  requireStack,
  type StackRecord,
  type StackSummary,
  setBaseline,
} from './baseline-store.ts';
import { DeployedStackMissingError } from './deployed-stack-missing-error.ts';
import { InvalidStackNameError } from './invalid-stack-name-error.ts';
import { assertStackName, type StackKey, stackNameFor } from './stack-name.ts';
import { StackNotFoundError } from './stack-not-found-error.ts';
import { templateFromInput } from './template-input.ts';

export type ImportSource = { template: string | Record<string, unknown> } | { fromAws: true };

/** Where the template a diff is computed against came from. */
export interface ResolvedBaseline {
  source: 'store' | 'aws' | 'none';
  /** The stored baseline version (source `store`). */
  version: number | null;
  template: CfnTemplate | Record<string, unknown> | null;
}

export interface StackDiffResult {
  stackName: string;
  baseline: { source: ResolvedBaseline['source']; version: number | null };
  diff: StackDiff;
}

/**
 * Stacks, baselines and diffs against them for the HTTP layer. The baseline is the stored one; when the
 * store has none and AWS is configured, the deployed template read with GetTemplate.
 */
export class StacksService {
  private client: CloudFormationClient | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly aws: AwsConfig,
    /** Parses large template texts off the event loop (src/cfn/template-parser.ts); the owner closes it. */
    private readonly parser: TemplateParser,
  ) {}

  /** A template given as text (parsed on a worker when large) or as an object, checked and copied. */
  private async templateOf(input: string | Record<string, unknown>): Promise<CfnTemplate> {
    return typeof input === 'string' ? (await this.parser.parse(input)).template : templateFromInput(input);
  }

  /** The deployed stack's template (GetTemplate), parsed like any text on the parser; null when none. */
  private async deployedTemplate(name: string): Promise<CfnTemplate | null> {
    const text = await getDeployedTemplateText(this.cloudFormation(), name);
    return text === null ? null : this.templateOf(text);
  }

  get awsConfigured(): boolean {
    return isAwsConfigured(this.aws);
  }

  /** The CloudFormation client (created on first use; AwsNotConfiguredError without AWS_REGION). */
  cloudFormation(): CloudFormationClient {
    this.client ??= createCloudFormationClient(this.aws);
    return this.client;
  }

  /** Releases the CloudFormation client's sockets (on app close). */
  closeClient(): void {
    this.client?.destroy();
    this.client = undefined;
  }

  list(filter: { team?: string; environment?: string } = {}): Promise<StackSummary[]> {
    return listStacks(this.db, filter);
  }

  async get(
    name: string,
  ): Promise<{ stack: StackRecord; baseline: Baseline | null; history: BaselineVersion[] }> {
    const stack = await requireStack(this.db, assertStackName(name));
    const [baseline, history] = await Promise.all([getBaseline(this.db, name), listBaselines(this.db, name)]);
    return { stack, baseline, history };
  }

  /** One version of the stack's baseline with its template; NotFoundError when there is no such version. */
  async baselineVersion(name: string, version: number): Promise<Baseline> {
    await requireStack(this.db, assertStackName(name));
    const baseline = await getBaselineVersion(this.db, name, version);
    if (!baseline) throw new NotFoundError(`stack ${name} has no baseline version ${version}`);
    return baseline;
  }

  async create(key: StackKey, request: FastifyRequest): Promise<StackRecord> {
    return this.db.transaction().execute(async (trx) => {
      const stack = await createStack(trx, key, request.user?.name ?? 'system');
      await this.audit.record(
        {
          request,
          action: 'stack.create',
          subject: { type: 'stack', id: stack.name },
          after: stack,
          summary: { team: stack.team },
        },
        trx,
      );
      return stack;
    });
  }

  /**
   * Records the template of an existing stack as its new baseline (source `imported` for a given template,
   * `aws` when read with GetTemplate). The stack is created from `key` when the store does not know it yet.
   */
  async importBaseline(
    name: string,
    source: ImportSource,
    request: FastifyRequest,
    key?: StackKey,
  ): Promise<Baseline> {
    assertStackName(name);
    if (key && stackNameFor(key) !== name) {
      throw new InvalidStackNameError(
        'name',
        `the stack of that team, app and environment (${stackNameFor(key)})`,
        name,
      );
    }
    let template: CfnTemplate;
    if ('fromAws' in source) {
      const deployed = await this.deployedTemplate(name);
      if (deployed === null) throw new DeployedStackMissingError(name);
      template = deployed;
    } else {
      template = await this.templateOf(source.template);
    }
    const actor = request.user?.name ?? 'system';
    return this.db.transaction().execute(async (trx) => {
      const existing = await findStack(trx, name);
      if (!existing && !key) throw new StackNotFoundError(name);
      const baseline = await setBaseline(trx, {
        stack: existing ? name : (key as StackKey),
        template,
        source: 'fromAws' in source ? 'aws' : 'imported',
        createdBy: actor,
      });
      await this.audit.record(
        {
          request,
          action: 'stack.baseline.import',
          subject: { type: 'stack', id: name },
          after: template,
          summary: {
            version: baseline.version,
            source: baseline.source,
            resources: Object.keys(template.Resources ?? {}).length,
          },
        },
        trx,
      );
      return baseline;
    });
  }

  /** The template to diff against: the stored baseline, else the deployed one when AWS is configured. */
  async resolveBaseline(name: string): Promise<ResolvedBaseline> {
    assertStackName(name);
    const stored = await getBaseline(this.db, name);
    if (stored) return { source: 'store', version: stored.version, template: stored.template };
    if (this.awsConfigured) {
      const deployed = await this.deployedTemplate(name);
      if (deployed) return { source: 'aws', version: null, template: deployed };
    }
    return { source: 'none', version: null, template: null };
  }

  /**
   * Diffs a stored proposal's template against the stack's current baseline (the proposal's own diff was
   * computed against the baseline of its time). Visible to the proposal's team, reviewers and policy admins.
   */
  async diffProposal(name: string, proposalId: string, user: AuthUser): Promise<StackDiffResult> {
    const proposal = await getProposal(this.db, proposalId);
    if (proposal === null) throw new NotFoundError(`proposal ${proposalId} does not exist`);
    const team = proposal.architecture.team;
    if (!hasRole(user, ['reviewer', 'policy_admin']) && (team === null || !user.teams.includes(team))) {
      throw new ForbiddenError(`proposal ${proposalId} belongs to ${team ? `team ${team}` : 'no team'}`);
    }
    const cost = proposal.cost
      ? { costAfter: proposal.cost.monthlyTotal, unpricedAfter: proposal.cost.unpriced }
      : {};
    return this.diff(name, proposal.template, cost);
  }

  /** Diffs a proposed template (text or object) against the stack's baseline. */
  async diff(
    name: string,
    proposed: string | Record<string, unknown>,
    cost: { costBefore?: number; costAfter?: number | null; unpricedAfter?: readonly string[] } = {},
  ): Promise<StackDiffResult> {
    const template = await this.templateOf(proposed);
    const baseline = await this.resolveBaseline(name);
    const diff = diffTemplates(baseline.template, template, cost);
    return { stackName: name, baseline: { source: baseline.source, version: baseline.version }, diff };
  }
}
