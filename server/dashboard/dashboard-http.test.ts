import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/db/seed/generate';
import { httpClient, startTestServer } from '@/server/testing/test-server';

// The dashboard over HTTP as the browser reaches it: tRPC procedures and the CSV download, with the session cookie.
let server: Awaited<ReturnType<typeof startTestServer>>;
let lead: ReturnType<typeof httpClient>;
let agent: ReturnType<typeof httpClient>;
beforeAll(async () => {
  server = await startTestServer({ DEMO_TICKETS: '200' });
  lead = httpClient(server.url);
  agent = httpClient(server.url);
  expect((await lead.mutate('auth.login', { email: 'lena@demo.local', password: DEMO_PASSWORD })).ok).toBe(true);
  expect((await agent.mutate('auth.login', { email: 'jana@demo.local', password: DEMO_PASSWORD })).ok).toBe(true);
});
afterAll(async () => {
  await server?.close();
});

const filters = { range: '90d' };
type Figure = { key: string; current: { n: number; value: number | null } };
const download = (client: ReturnType<typeof httpClient> | null, search: string) =>
  fetch(`${server.url}/dashboard/export.csv?${search}`, { headers: client ? { cookie: client.cookie } : {} });

describe('dashboard over HTTP', () => {
  it('a lead gets the figures, and a figure lists and exports exactly its n', async () => {
    const headline = await lead.query<{ figures: Figure[] }>('dashboard.headline', { filters });
    if (!headline.ok) throw new Error(headline.message);
    const created = headline.data.figures.find((f) => f.key === 'created')!.current.n;
    expect(created).toBeGreaterThan(100);
    const drill = await lead.query<{ total: number }>('dashboard.drilldown', { filters, drill: { kind: 'tickets', figure: 'created' }, limit: 5 });
    expect(drill).toMatchObject({ ok: true, data: { total: created } });
    const res = await download(lead, 'range=90d');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="helpdesk-tickets-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trim().split('\n')).toHaveLength(created + 1);
    for (const panel of ['trend', 'staffing', 'live']) expect((await lead.query(`dashboard.${panel}`, { filters })).ok).toBe(true);
    expect((await lead.query('dashboard.breakdown', { filters, dimension: 'agent' })).ok).toBe(true);
  });

  it('an agent sees their own work, never a colleague’s or another team’s', async () => {
    const mine = await agent.query<{ figures: Figure[] }>('dashboard.headline', { filters });
    const all = await lead.query<{ figures: Figure[] }>('dashboard.headline', { filters });
    if (!mine.ok || !all.ok) throw new Error('expected figures');
    const n = (r: { figures: Figure[] }) => r.figures.find((f) => f.key === 'created')!.current.n;
    expect(n(mine.data)).toBeLessThan(n(all.data));
    const directory = await lead.query<{ agents: { id: number; name: string }[]; teams: { id: number; name: string }[] }>('directory.all');
    if (!directory.ok) throw new Error(directory.message);
    const tom = directory.data.agents.find((a) => a.name === 'Tom Fischer')!.id;
    const billing = directory.data.teams.find((t) => t.name === 'Billing')!.id;
    expect(await agent.query('dashboard.headline', { filters: { ...filters, agentId: tom } })).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(await agent.query('dashboard.staffing', { filters: { ...filters, teamId: billing } })).toMatchObject({ ok: false, status: 403 });
    expect((await download(agent, `teamId=${billing}`)).status).toBe(403);
  });

  it('a lead turns the weekly summary on and off; an agent cannot', async () => {
    expect(await lead.query('dashboard.digest')).toMatchObject({ ok: true, data: { enabled: false } });
    expect((await lead.mutate('dashboard.setDigest', { enabled: true, locale: 'de' })).ok).toBe(true);
    expect(await lead.query('dashboard.digest')).toMatchObject({ ok: true, data: { enabled: true } });
    expect((await lead.mutate('dashboard.setDigest', { enabled: false, locale: 'de' })).ok).toBe(true);
    expect(await lead.query('dashboard.digest')).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await agent.mutate('dashboard.setDigest', { enabled: true, locale: 'en' })).toMatchObject({ ok: false, status: 403 });
    expect(await lead.mutate('dashboard.setDigest', { enabled: true, locale: 'fr' })).toMatchObject({ ok: false, status: 400 });
  });

  it('bad ranges, unknown values and missing sessions get a clear 4xx, never a 500', async () => {
    const reversed = await lead.query('dashboard.headline', { filters: { range: 'custom', from: '2026-05-02', to: '2026-05-01' } });
    expect(reversed).toMatchObject({ ok: false, status: 400, message: 'The range ends before it starts; swap the first and the last day.' });
    expect(await lead.query('dashboard.headline', { filters: { range: 'custom', from: '2020-01-01', to: '2026-05-01' } })).toMatchObject({ status: 400 });
    expect(await lead.query('dashboard.headline', { filters: { channel: 'fax' } })).toMatchObject({ status: 400 });
    expect(await lead.query('dashboard.headline', { filters: { teamId: 4242 } })).toMatchObject({ status: 400 });
    expect(await lead.query('dashboard.drilldown', { filters, drill: { kind: 'tickets', figure: 'everything' } })).toMatchObject({ status: 400 });
    expect(await httpClient(server.url).query('dashboard.headline', { filters })).toMatchObject({ status: 401 });
    expect((await download(null, '')).status).toBe(401);
    const unknown = await download(lead, 'channel=fax');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/channel/);
    expect((await download(lead, 'd=tickets.everything')).status).toBe(400);
    expect((await download(lead, 'range=custom&from=2026-05-02&to=2026-05-01')).status).toBe(400);
  });
});

describe('metrics API', () => {
  const api = (panel: string, token: string | null, search = 'range=90d') =>
    fetch(`${server.url}/api/metrics/v1/${panel}?${search}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('serves the dashboard’s figures to a lead’s token, and nothing to a tampered, revoked or demoted one', async () => {
    const created = await lead.mutate<{ id: number; token: string }>('dashboard.createApiToken', { name: 'Power BI' });
    if (!created.ok) throw new Error(created.message);
    const { token, id } = created.data;
    expect(token).toMatch(/^hdm_[\w-]{43}$/);

    const res = await api('headline', token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { figures: Figure[]; zone: string };
    const viaTrpc = await lead.query<{ figures: Figure[] }>('dashboard.headline', { filters });
    if (!viaTrpc.ok) throw new Error(viaTrpc.message);
    expect(body.figures).toEqual(viaTrpc.data.figures);
    expect(body.zone).toBe('Europe/Berlin');
    for (const panel of ['trend', 'staffing', 'live']) expect((await api(panel, token)).status).toBe(200);
    const rows = (await (await api('rows', token, 'range=90d&d=tickets.created&offset=5')).json()) as { total: number; tickets: unknown[] };
    expect(rows.total).toBe(body.figures.find((f) => f.key === 'created')!.current.n);
    expect((await (await api('breakdown', token, 'range=90d&dimension=channel')).json()) as { rows: unknown[] }).toMatchObject({ dimension: 'channel' });

    // The list shows when it was used, never the token.
    const listed = await lead.query<{ id: number; lastUsedAt: number | null }[]>('dashboard.apiTokens');
    expect(listed.ok && listed.data.find((t) => t.id === id)!.lastUsedAt).toBeGreaterThan(0);
    expect(JSON.stringify(listed)).not.toContain(token);

    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [tampered, 'hdm_short', null]) {
      const r = await api('headline', bad);
      expect(r.status).toBe(401);
      expect(await r.json()).toMatchObject({ error: { key: 'api_token_invalid' } });
    }
    expect((await api('headline', token, 'range=custom&from=2026-05-02&to=2026-05-01')).status).toBe(400);
    expect((await api('headline', token, 'channel=fax')).status).toBe(400);
    expect((await api('everything', token)).status).toBe(404);
    expect((await api('breakdown', token, 'dimension=shoe_size')).status).toBe(400);
    expect((await fetch(`${server.url}/api/metrics/v1/headline`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(405);

    expect(await lead.mutate('dashboard.revokeApiToken', { id })).toMatchObject({ ok: true });
    expect((await api('headline', token)).status).toBe(401);
    expect(await lead.mutate('dashboard.revokeApiToken', { id })).toMatchObject({ ok: false, status: 404 });
  });

  it('agents get no tokens; a lead who stops being one takes their tokens along', async () => {
    expect(await agent.mutate('dashboard.createApiToken', { name: 'mine' })).toMatchObject({ ok: false, status: 403 });
    const admin = httpClient(server.url);
    await admin.mutate('auth.login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
    const claire = httpClient(server.url);
    await claire.mutate('auth.login', { email: 'claire@demo.local', password: DEMO_PASSWORD });
    const created = await claire.mutate<{ token: string }>('dashboard.createApiToken', { name: 'Sheets' });
    if (!created.ok) throw new Error(created.message);
    expect((await api('live', created.data.token)).status).toBe(200);
    const agents = await admin.query<{ id: number; email: string }[]>('admin.agents');
    if (!agents.ok) throw new Error(agents.message);
    const claireId = agents.data.find((a) => a.email === 'claire@demo.local')!.id;
    expect(await admin.mutate('admin.updateAgent', { id: claireId, role: 'agent' })).toMatchObject({ ok: true });
    expect((await api('live', created.data.token)).status).toBe(401);
  });
});
