import { describe, expect, it } from 'vitest';
import { canPost, canRead } from '../../../src/conversations/conversation-access.ts';
import type { AuthUser } from '../../../src/identity/roles.ts';

const conversation = { owner: { id: 'owner', name: 'Olive' }, team: 'payments' };
const user = (id: string, roles: AuthUser['roles'], teams: string[] = []): AuthUser => ({
  id,
  name: id,
  roles,
  teams,
});

describe('conversation access', () => {
  it('lets the owner, team members and admins read and post', () => {
    for (const who of [
      user('owner', ['developer']),
      user('m', ['developer'], ['payments']),
      user('a', ['admin']),
    ]) {
      expect(canRead(who, conversation)).toBe(true);
      expect(canPost(who, conversation)).toBe(true);
    }
  });

  it('lets a reviewer read but not post', () => {
    const reviewer = user('r', ['reviewer']);
    expect(canRead(reviewer, conversation)).toBe(true);
    expect(canPost(reviewer, conversation)).toBe(false);
  });

  it('keeps developers of other teams out, and a teamless conversation to its owner', () => {
    const outsider = user('o', ['developer'], ['search']);
    expect(canRead(outsider, conversation)).toBe(false);
    expect(canPost(outsider, conversation)).toBe(false);
    expect(canRead(outsider, { ...conversation, team: null })).toBe(false);
  });
});
