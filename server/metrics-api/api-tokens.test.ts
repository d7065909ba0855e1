import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import type { Viewer } from '@/server/auth/sessions';
import { openTestDatabase, viewerOf } from '@/server/testing/test-database';
import { MAX_LIVE_TOKENS, createApiToken, revokeOwnApiToken, viewerOfApiToken } from './api-tokens';

let db: Db;
let close: () => void;
let lena: Viewer;
let claire: Viewer;
const T = Date.UTC(2026, 5, 1, 9);
beforeAll(() => {
  ({ db, close } = openTestDatabase());
  lena = viewerOf(db, 'lena@demo.local');
  claire = viewerOf(db, 'claire@demo.local');
});
afterAll(() => close());

describe('metrics API tokens', () => {
  it('a token speaks for its lead; the stored row never holds the token', () => {
    const { token, id } = createApiToken(db, lena, 'Power BI', T);
    expect(viewerOfApiToken(db, token, T)).toMatchObject({ id: lena.id, role: 'lead', sessionId: `api-token:${id}` });
    expect(JSON.stringify(db.$client.prepare('select * from api_tokens').all())).not.toContain(token.slice(4));
    for (const bad of [undefined, '', token.slice(4), `xx_${token.slice(4)}`, token + 'x', `${token}${'a'.repeat(80)}`])
      expect(viewerOfApiToken(db, bad, T)).toBeNull();
  });

  it('notes the last use at most once a minute', () => {
    const { token, id } = createApiToken(db, lena, 'Sheets', T);
    const lastUsed = () => listApiTokens(db, lena.id).find((t) => t.id === id)!.lastUsedAt;
    expect(lastUsed()).toBeNull();
    viewerOfApiToken(db, token, T);
    expect(lastUsed()).toBe(T);
    viewerOfApiToken(db, token, T + 60_000);
    expect(lastUsed()).toBe(T);
    viewerOfApiToken(db, token, T + 60_001);
    expect(lastUsed()).toBe(T + 60_001);
  });

  it('at most ten live tokens per lead; revoking frees one, and only the owner can revoke', () => {
    const live = () => listApiTokens(db, claire.id).filter((t) => t.revokedAt === null).length;
    while (live() < MAX_LIVE_TOKENS) createApiToken(db, claire, `t${live()}`, T);
    expect(() => createApiToken(db, claire, 'one more', T)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'api_token_limit' }));
    const first = listApiTokens(db, claire.id)[0]!;
    expect(() => revokeOwnApiToken(db, lena, first.id, T)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    revokeOwnApiToken(db, claire, first.id, T);
    expect(() => revokeOwnApiToken(db, claire, first.id, T)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', key: 'api_token_not_found' }));
    expect(createApiToken(db, claire, 'again', T).name).toBe('again');
  });
});
