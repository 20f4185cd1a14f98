import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { Database, Db } from '../../store/database.ts';
import type { CompiledPolicy } from '../policy-contract.ts';
import type { AnyRule } from '../rule.ts';
import { builtInRules } from '../rules/index.ts';
import { compilePolicy } from './compile-policy.ts';
import { defaultPolicyText } from './default-policy.ts';
import type { DryRunReport } from './dry-run-policy.ts';
import { dryRunPolicy } from './dry-run-policy.ts';
import { unifiedLineDiff } from '../../diff/unified-line-diff.ts';
import { parsePolicy } from './parse-policy.ts';
import { PolicyInvalidError } from './policy-invalid-error.ts';
import type { PolicyIssue } from './policy-invalid-error.ts';
import type { Policy } from './policy-schema.ts';
import { PolicyVersionConflictError } from './policy-version-conflict-error.ts';
import { PolicyVersionNotFoundError } from './policy-version-not-found-error.ts';
import { getCurrentPolicy } from './store/get-current-policy.ts';
import { loadDryRunSubjects } from './store/load-dry-run-subjects.ts';
import {
  currentPolicyHead,
  getPolicyVersion,
  insertPolicyVersion,
  latestPolicyVersion,
  listPolicyVersions,
  type PolicyVersion,
  type PolicyVersionSummary,
} from './store/policy-versions.ts';
import { listActiveWaivers } from '../../waivers/waiver-store.ts';

export interface PolicyVersionWithDiff extends PolicyVersion {
  previousVersion: number | null;
  /** Unified line diff from the previous version's text (empty for version 1 or no change). */
  diff: string;
}

export interface PolicyValidation {
  valid: boolean;
  errors: PolicyIssue[];
  /** What the draft configures, when valid. */
  summary?: { rules: number; customRules: number; waiverMaxDays: number };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Policy sets as versions in the store: read, save with optimistic concurrency, roll back, validate and
 * dry-run drafts. Every change is audited in the same transaction.
 */
export class PolicyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly rules: readonly AnyRule[] = builtInRules,
  ) {}

  /** The compiled policy in force (for the engine and the planner). */
  compiled(db: Db = this.db): Promise<CompiledPolicy> {
    return getCurrentPolicy(db);
  }

  /** Stores the files in guardrails/ as version 1 when the store has no policy yet. Safe on every replica. */
  async seed(): Promise<void> {
    if (await currentPolicyHead(this.db)) return;
    const text = await defaultPolicyText();
    try {
      await this.db.transaction().execute(async (trx) => {
        const created = await insertPolicyVersion(trx, {
          version: 1,
          text,
          message: 'Initial policy from guardrails/',
          author: { id: null, name: 'system' },
        });
        await this.audit.record(
          {
            action: 'policy.seed',
            subject: { type: 'policy', id: '1' },
            after: text,
            summary: { version: 1, digest: created.digest },
          },
          trx,
        );
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another replica seeded first
    }
  }

  async current(): Promise<PolicyVersion> {
    const found = await latestPolicyVersion(this.db);
    if (!found) throw new PolicyVersionNotFoundError(1);
    return found;
  }

  list(limit?: number, before?: number): Promise<PolicyVersionSummary[]> {
    return listPolicyVersions(this.db, limit, before);
  }

  async get(version: number): Promise<PolicyVersionWithDiff> {
    const found = await getPolicyVersion(this.db, version);
    if (!found) throw new PolicyVersionNotFoundError(version);
    const previous = version > 1 ? await getPolicyVersion(this.db, version - 1) : undefined;
    return {
      ...found,
      previousVersion: previous?.version ?? null,
      diff: unifiedLineDiff(previous?.text ?? '', found.text, {
        fromLabel: previous ? `policy v${previous.version}` : '/dev/null',
        toLabel: `policy v${version}`,
      }),
    };
  }

  private parse(text: string, source: string): Policy {
    return parsePolicy(text, { source, knownRules: this.rules });
  }

  validate(text: string): PolicyValidation {
    try {
      const policy = this.parse(text, 'draft');
      return {
        valid: true,
        errors: [],
        summary: {
          rules: Object.keys(policy.rules).length,
          customRules: policy.customRules.length,
          waiverMaxDays: policy.waivers.maxDays,
        },
      };
    } catch (error) {
      if (error instanceof PolicyInvalidError) return { valid: false, errors: [...error.issues] };
      throw error;
    }
  }

  /** Saves `text` as the next version. @throws PolicyInvalidError, PolicyVersionConflictError */
  async save(
    input: { baseVersion: number; text: string; message: string },
    request: FastifyRequest,
  ): Promise<PolicyVersion> {
    this.parse(input.text, 'body.text');
    return this.append(input.baseVersion, input.text, input.message, null, request, 'policy.update');
  }

  /** A new version with the text of `toVersion`. @throws PolicyVersionNotFoundError, PolicyVersionConflictError */
  async rollback(
    input: { toVersion: number; baseVersion?: number | undefined; message?: string | undefined },
    request: FastifyRequest,
  ): Promise<PolicyVersion> {
    const target = await getPolicyVersion(this.db, input.toVersion);
    if (!target) throw new PolicyVersionNotFoundError(input.toVersion);
    const head = await currentPolicyHead(this.db);
    const base = input.baseVersion ?? head?.version ?? 0;
    const message = input.message ?? `Roll back to version ${input.toVersion}`;
    return this.append(base, target.text, message, input.toVersion, request, 'policy.rollback');
  }

  private async append(
    baseVersion: number,
    text: string,
    message: string,
    restoredFrom: number | null,
    request: FastifyRequest,
    action: string,
  ): Promise<PolicyVersion> {
    const user = request.user;
    const author = user ? { id: user.id, name: user.name } : { id: null, name: 'system' };
    try {
      return await this.db.transaction().execute(async (trx) => {
        const previous = await latestPolicyVersion(trx);
        const current = previous?.version ?? 0;
        if (baseVersion !== current) throw new PolicyVersionConflictError(baseVersion, current);
        const created = await insertPolicyVersion(trx, {
          version: current + 1,
          text,
          message,
          author,
          restoredFrom,
        });
        await this.audit.record(
          {
            request,
            action,
            subject: { type: 'policy', id: String(created.version) },
            ...(previous ? { before: previous.text } : {}),
            after: text,
            summary: {
              version: created.version,
              baseVersion,
              message,
              ...(restoredFrom ? { restoredFrom } : {}),
            },
          },
          trx,
        );
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const head = await currentPolicyHead(this.db);
      throw new PolicyVersionConflictError(baseVersion, head?.version ?? 0);
    }
  }

  /**
   * Checks a draft against recent proposals and current baselines: the findings it would add, remove or
   * change compared with the policy in force. @throws PolicyInvalidError
   */
  async dryRun(text: string, now = new Date()): Promise<DryRunReport> {
    const draft = this.parse(text, 'draft');
    const current = await getCurrentPolicy(this.db);
    const [subjects, waivers] = await Promise.all([
      loadDryRunSubjects(this.db),
      listActiveWaivers(this.db, now),
    ]);
    return dryRunPolicy(current, compilePolicy(draft, current.version + 1), subjects, { waivers, now });
  }
}
