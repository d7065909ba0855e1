import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { httpClient, startTestServer } from '@/server/testing/test-server';

// Agents and teams administered over HTTP, as the settings pages call it; every refusal carries a key.
let server: Awaited<ReturnType<typeof startTestServer>>;
const signIn = async (email: string, password = DEMO_PASSWORD) => {
  const c = httpClient(server.url);
  const res = await c.mutate('auth.login', { email, password });
  if (!res.ok) throw new Error(`${email} could not sign in: ${res.message}`);
  return c;
};
type Team = { id: number; name: string; memberIds: number[] };
type Agent = { id: number; name: string; email: string; teamIds: number[] };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('administering agents and teams', () => {
  it('an admin renames an agent, changes their teams and resets their password, which signs them out', async () => {
    const admin = await signIn('admin@demo.local');
    const nils = await signIn('nils@demo.local');
    const agents = await admin.query<Agent[]>('admin.agents');
    const teams = await admin.query<Team[]>('admin.teams');
    if (!agents.ok || !teams.ok) throw new Error('lists expected');
    const id = agents.data.find((a) => a.email === 'nils@demo.local')!.id;
    const billing = teams.data.find((t) => t.name === 'Billing')!.id;
    expect(await admin.mutate('admin.updateAgent', { id, name: 'Nils H. Hansen', teamIds: [billing] })).toMatchObject({
      ok: true,
      data: { name: 'Nils H. Hansen' },
    });
    const after = await admin.query<Team[]>('admin.teams');
    expect(after.ok && after.data.find((t) => t.id === billing)!.memberIds).toContain(id);
    expect((await admin.mutate('admin.resetPassword', { id, password: 'ein-neues-passwort' })).ok).toBe(true);
    expect(await nils.query('tickets.list', { filter: {}, limit: 1 })).toMatchObject({ ok: false, status: 401 });
    await signIn('nils@demo.local', 'ein-neues-passwort');
    expect(await admin.mutate('admin.resetPassword', { id, password: 'kurz' })).toMatchObject({ ok: false, status: 400 });
    expect(await admin.mutate('admin.resetPassword', { id: 999_999, password: 'lang-genug-passwort' })).toMatchObject({
      ok: false,
      status: 404,
      message: 'Agent 999999 does not exist or is deactivated',
    });
  });

  it('teams are renamed, a name taken is refused by key, and only an unused team can be deleted', async () => {
    const admin = await signIn('admin@demo.local');
    const created = await admin.mutate<{ id: number }>('admin.createTeam', { name: 'Versand' });
    if (!created.ok) throw new Error(created.message);
    expect(await admin.mutate('admin.createTeam', { name: 'versand' })).toMatchObject({
      ok: false,
      status: 409,
      message: 'A team named versand already exists',
    });
    expect(await admin.mutate('admin.renameTeam', { id: created.data.id, name: 'Kundenservice' })).toMatchObject({ ok: false, status: 409 });
    expect(await admin.mutate('admin.renameTeam', { id: created.data.id, name: 'Versand & Logistik' })).toMatchObject({ ok: true });
    expect((await admin.mutate('admin.deleteTeam', { id: created.data.id })).ok).toBe(true);
    const teams = await admin.query<Team[]>('admin.teams');
    if (!teams.ok) throw new Error(teams.message);
    expect(teams.data.map((t) => t.name)).not.toContain('Versand & Logistik');
    // Kundenservice has tickets: it stays.
    const used = teams.data.find((t) => t.name === 'Kundenservice')!.id;
    expect(await admin.mutate('admin.deleteTeam', { id: used })).toMatchObject({ ok: false, status: 409 });
  });

  it('an admin sets an agent’s chat limit within 0 to 20; a lead cannot', async () => {
    const admin = await signIn('admin@demo.local');
    const lena = await signIn('lena@demo.local');
    const agents = await admin.query<(Agent & { chatLimit: number })[]>('admin.agents');
    if (!agents.ok) throw new Error('list expected');
    const mehmet = agents.data.find((a) => a.email === 'mehmet@demo.local')!;
    expect(mehmet.chatLimit).toBe(3);
    expect(await admin.mutate('admin.updateAgent', { id: mehmet.id, chatLimit: 5 })).toMatchObject({ ok: true, data: { chatLimit: 5 } });
    expect(await admin.mutate('admin.updateAgent', { id: mehmet.id, chatLimit: 21 })).toMatchObject({ ok: false, status: 400 });
    expect(await admin.mutate('admin.updateAgent', { id: mehmet.id, chatLimit: -1 })).toMatchObject({ ok: false, status: 400 });
    expect(await lena.mutate('admin.updateAgent', { id: mehmet.id, chatLimit: 9 })).toMatchObject({ ok: false, status: 403 });
    expect(await admin.mutate('admin.updateAgent', { id: mehmet.id, chatLimit: 0 })).toMatchObject({ ok: true, data: { chatLimit: 0 } });
  });

  it('a lead manages the members of their own team, never another team’s, and stays in it', async () => {
    const admin = await signIn('admin@demo.local');
    const lena = await signIn('lena@demo.local');
    const jana = await signIn('jana@demo.local');
    const teams = await admin.query<Team[]>('admin.teams');
    const agents = await admin.query<Agent[]>('admin.agents');
    if (!teams.ok || !agents.ok) throw new Error('lists expected');
    const own = teams.data.find((t) => t.name === 'Kundenservice')!;
    const other = teams.data.find((t) => t.name === 'Reklamationen')!;
    const sam = agents.data.find((a) => a.email === 'sam@demo.local')!.id;
    const lenaId = agents.data.find((a) => a.email === 'lena@demo.local')!.id;
    expect(await lena.mutate('admin.setTeamMembers', { id: own.id, agentIds: [sam] })).toMatchObject({ ok: true, data: { memberIds: [sam, lenaId] } });
    expect(await lena.mutate('admin.setTeamMembers', { id: other.id, agentIds: [sam] })).toMatchObject({ ok: false, status: 403 });
    expect(await jana.mutate('admin.setTeamMembers', { id: own.id, agentIds: [] })).toMatchObject({ ok: false, status: 403 });
    expect(await lena.mutate('admin.setTeamMembers', { id: own.id, agentIds: [999_999] })).toMatchObject({ ok: false, status: 400 });
    // A lead's team list holds their own teams only; an agent gets none, and no lead reads the agents' admin list.
    const lenaTeams = await lena.query<Team[]>('admin.teams');
    expect(lenaTeams.ok && lenaTeams.data.map((t) => t.name)).toEqual(['Kundenservice']);
    expect(await jana.query('admin.teams')).toMatchObject({ ok: false, status: 403 });
    expect(await lena.query('admin.agents')).toMatchObject({ ok: false, status: 403 });
    expect(await lena.mutate('admin.renameTeam', { id: own.id, name: 'Umbenannt' })).toMatchObject({ ok: false, status: 403 });
    // Put back as it was.
    expect((await admin.mutate('admin.setTeamMembers', { id: own.id, agentIds: own.memberIds })).ok).toBe(true);
  });
});
