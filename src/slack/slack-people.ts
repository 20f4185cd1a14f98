import { sql } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { IdentityService, UserView } from '../identity/identity-service.ts';
import type { AuthUser } from '../identity/roles.ts';
import type { Db } from '../store/database.ts';
import type {} from './tables.ts';

export interface SlackLink {
  slackUserId: string;
  userId: string;
  name: string;
  linkedBy: 'admin' | 'provisioned';
}

/** What Slack tells us of a user (users.info), when it could be asked. */
export interface SlackProfile {
  name?: string | undefined;
  realName?: string | undefined;
}

/** The signed-in shape of a stored user. */
function asAuthUser(user: UserView): AuthUser {
  return { id: user.id, name: user.name, roles: user.roles, teams: user.teams };
}

function userName(slackUserId: string, profile: SlackProfile): string {
  const base = (profile.name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base ? `slack-${base}` : `slack-${slackUserId.toLowerCase()}`;
}

/** A lock held until the transaction ends (no row to lock yet: the row is what is being created). */
async function lockFor(trx: Db, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * Slack users map to copilot users. Admins link them explicitly; an unknown Slack user is provisioned as a
 * developer, in the team configured for the channel they wrote in (none in a DM), and the link recorded.
 * Roles always come from the copilot user, so approving in Slack needs the same role as in the API.
 */
export class SlackPeople {
  constructor(
    private readonly db: Db,
    private readonly identity: IdentityService,
    private readonly audit: AuditLog,
  ) {}

  async linked(slackUserId: string): Promise<AuthUser | null> {
    const link = await this.db
      .selectFrom('slack_users')
      .select('user_id')
      .where('slack_user_id', '=', slackUserId)
      .executeTakeFirst();
    if (!link) return null;
    const user = await this.identity.getUser(link.user_id);
    if (!user || user.disabled) return null;
    return asAuthUser(user);
  }

  /** The copilot user behind a Slack user; provisioned as a developer on first contact. */
  async resolve(
    slackUserId: string,
    channelTeam: string | null,
    profile: () => Promise<SlackProfile>,
  ): Promise<AuthUser> {
    const existing = await this.linked(slackUserId);
    if (existing) return this.joinChannelTeam(slackUserId, existing, channelTeam);
    const details = await profile().catch((): SlackProfile => ({}));
    const provisioned = await this.db.transaction().execute(async (trx) => {
      // An upsert: concurrent first messages from one person wait here and then find the link; two new
      // people with the same Slack name wait on the name, so the second gets the suffixed one.
      const preferred = userName(slackUserId, details);
      await lockFor(trx, `slack-user:${slackUserId}`);
      const again = await trx
        .selectFrom('slack_users')
        .select('user_id')
        .where('slack_user_id', '=', slackUserId)
        .executeTakeFirst();
      if (again) return again.user_id;
      await lockFor(trx, `user-name:${preferred}`);
      const taken = await this.identity.findUserByName(preferred, trx);
      const name = taken ? `${preferred}-${slackUserId.toLowerCase()}`.slice(0, 63) : preferred;
      const user = await this.identity.createUser(
        {
          name,
          displayName: details.realName,
          roles: ['developer'],
          teams: channelTeam ? [channelTeam] : [],
        },
        trx,
      );
      await trx
        .insertInto('slack_users')
        .values({ slack_user_id: slackUserId, user_id: user.id, linked_by: 'provisioned' })
        .execute();
      await this.audit.record(
        {
          actor: { id: user.id, name: user.name },
          action: 'slack.user.provision',
          subject: { type: 'user', id: user.id },
          after: { slackUserId, name: user.name, teams: user.teams },
          summary: { slackUserId, team: channelTeam },
        },
        trx,
      );
      return user.id;
    });
    const user = await this.identity.requireUser(provisioned);
    return asAuthUser(user);
  }

  /**
   * A provisioned person who first wrote in a DM (no team) or in another team's channel joins the team of
   * the channel they write in now, as they would have on first contact there. Admin links are left as set.
   */
  private async joinChannelTeam(
    slackUserId: string,
    user: AuthUser,
    channelTeam: string | null,
  ): Promise<AuthUser> {
    if (!channelTeam || user.teams.includes(channelTeam)) return user;
    const joined = await this.db.transaction().execute(async (trx) => {
      const link = await trx
        .selectFrom('slack_users')
        .select('linked_by')
        .where('slack_user_id', '=', slackUserId)
        .forUpdate()
        .executeTakeFirst();
      if (link?.linked_by !== 'provisioned') return false;
      const current = await this.identity.requireUser(user.id, trx);
      if (current.teams.includes(channelTeam)) return true;
      const teams = [...current.teams, channelTeam];
      await this.identity.setTeams(user.id, teams, trx);
      await this.audit.record(
        {
          actor: { id: user.id, name: user.name },
          action: 'slack.user.join_team',
          subject: { type: 'user', id: user.id },
          before: { teams: current.teams },
          after: { teams: [...teams].sort() },
          summary: { slackUserId, team: channelTeam },
        },
        trx,
      );
      return true;
    });
    if (!joined) return user;
    return asAuthUser(await this.identity.requireUser(user.id));
  }

  /** An admin links a Slack user to an existing copilot user (replacing any earlier link). */
  async link(slackUserId: string, userId: string, actor: AuthUser, requestId?: string): Promise<void> {
    await this.identity.requireUser(userId);
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('slack_users')
        .selectAll()
        .where('slack_user_id', '=', slackUserId)
        .executeTakeFirst();
      await trx
        .insertInto('slack_users')
        .values({ slack_user_id: slackUserId, user_id: userId, linked_by: 'admin' })
        .onConflict((oc) => oc.column('slack_user_id').doUpdateSet({ user_id: userId, linked_by: 'admin' }))
        .execute();
      await this.audit.record(
        {
          actor: { id: actor.id, name: actor.name },
          action: 'slack.user.link',
          subject: { type: 'slack_user', id: slackUserId },
          before: before ?? null,
          after: { slackUserId, userId },
          summary: { slackUserId, userId },
          requestId,
        },
        trx,
      );
    });
  }

  /** Every link, by Slack user id, with the copilot user's name. */
  async list(): Promise<SlackLink[]> {
    const rows = await this.db
      .selectFrom('slack_users')
      .innerJoin('users', 'users.id', 'slack_users.user_id')
      .select(['slack_users.slack_user_id', 'slack_users.user_id', 'users.name', 'slack_users.linked_by'])
      .orderBy('slack_users.slack_user_id')
      .execute();
    return rows.map((r) => ({
      slackUserId: r.slack_user_id,
      userId: r.user_id,
      name: r.name,
      linkedBy: r.linked_by,
    }));
  }
}
