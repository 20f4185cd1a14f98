import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import { getCurrentPolicy } from '../guardrails/policy/store/get-current-policy.ts';
import type { Waiver } from '../guardrails/policy-contract.ts';
import type { AnyRule } from '../guardrails/rule.ts';
import { builtInRules } from '../guardrails/rules/index.ts';
import { ValidationError } from '../http/errors/validation-error.ts';
import type { Database } from '../store/database.ts';
import { validateWaiver } from './validate-waiver.ts';
import { WaiverAlreadyRevokedError } from './waiver-already-revoked-error.ts';
import type { CreateWaiverInput } from './waiver-input.ts';
import { WaiverNotFoundError } from './waiver-not-found-error.ts';
import {
  findWaiver,
  insertWaiver,
  listActiveWaivers,
  listWaivers,
  markWaiverRevoked,
  type WaiverFilter,
} from './waiver-store.ts';
import type { WaiverView } from './waiver-view.ts';

/** Waivers: create (expiry required, bounded by the policy), list, revoke; every change audited. */
export class WaiverService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly rules: readonly AnyRule[] = builtInRules,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** @throws ValidationError naming `body.expiresAt` or `body.ruleId` */
  async create(input: CreateWaiverInput, request: FastifyRequest): Promise<WaiverView> {
    const now = this.clock();
    const policy = await getCurrentPolicy(this.db);
    const knownRuleIds = new Set([...this.rules, ...policy.customRules].map((r) => r.id));
    const errors = validateWaiver(input, { now, maxDays: policy.waiverMaxDays, knownRuleIds });
    if (errors.length > 0) throw new ValidationError(errors);
    const user = request.user;
    const by = user ? { id: user.id, name: user.name } : { id: null, name: 'system' };
    return this.db.transaction().execute(async (trx) => {
      const created = await insertWaiver(trx, input, by, now);
      await this.audit.record(
        {
          request,
          action: 'waiver.create',
          subject: { type: 'waiver', id: created.id },
          after: created,
          summary: {
            ruleId: created.ruleId,
            scope: created.scope,
            owner: created.owner,
            expiresAt: created.expiresAt,
          },
        },
        trx,
      );
      return created;
    });
  }

  list(filter: WaiverFilter): Promise<WaiverView[]> {
    return listWaivers(this.db, filter, this.clock());
  }

  async get(id: string): Promise<WaiverView> {
    const found = await findWaiver(this.db, id, this.clock());
    if (!found) throw new WaiverNotFoundError(id);
    return found;
  }

  /** @throws WaiverNotFoundError, WaiverAlreadyRevokedError */
  async revoke(id: string, reason: string | undefined, request: FastifyRequest): Promise<WaiverView> {
    const now = this.clock();
    return this.db.transaction().execute(async (trx) => {
      const before = await findWaiver(trx, id, now);
      if (!before) throw new WaiverNotFoundError(id);
      if (before.revokedAt) throw new WaiverAlreadyRevokedError(id, before.revokedAt);
      const after = await markWaiverRevoked(trx, id, request.user?.name ?? 'system', reason ?? null, now);
      if (!after) throw new WaiverAlreadyRevokedError(id, now.toISOString());
      await this.audit.record(
        {
          request,
          action: 'waiver.revoke',
          subject: { type: 'waiver', id },
          before,
          after,
          summary: { ruleId: after.ruleId, ...(reason ? { reason } : {}) },
        },
        trx,
      );
      return after;
    });
  }

  /** The waivers in force now, for the engine. */
  active(now: Date = this.clock()): Promise<Waiver[]> {
    return listActiveWaivers(this.db, now);
  }
}
