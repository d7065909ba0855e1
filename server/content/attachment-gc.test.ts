import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { blobPath, storeAttachments } from './attachment-store';
import { collectOrphanFiles } from './attachment-gc';

const DAY = 24 * 3600_000;
const file = (name: string, text: string) => ({ filename: name, contentType: 'text/plain', content: Buffer.from(text), contentId: null, inline: false });
const age = (p: string, days: number) => {
  const t = new Date(Date.now() - days * DAY);
  fs.utimesSync(p, t, t);
};

describe('the orphan file collector', () => {
  it('deletes old files no attachment names, and keeps used, recent and reused ones', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-gc-'));
    const db = openDatabase(path.join(dataDir, 'test.db'));
    const [used, orphan, recent, reused] = await storeAttachments(
      dataDir,
      [file('used.txt', 'used'), file('orphan.txt', 'orphan'), file('recent.txt', 'recent'), file('reused.txt', 'reused')],
      1024,
    );
    // Only the rows matter here, not the message they would belong to.
    db.$client.pragma('foreign_keys = OFF');
    db.$client
      .prepare('insert into attachments (message_id, filename, content_type, size, sha256, created_at) values (1, ?, ?, ?, ?, ?)')
      .run('used.txt', 'text/plain', 4, used!.sha256, Date.now());
    for (const f of [used, orphan, reused]) age(blobPath(dataDir, f!.sha256!), 3);
    const tmp = `${blobPath(dataDir, orphan!.sha256!)}.123.abcd.tmp`;
    fs.writeFileSync(tmp, 'half');
    age(tmp, 3);
    // Stored again (an agent attaches the same file): fresh, so kept until its new reply can commit.
    await storeAttachments(dataDir, [file('again.txt', 'reused')], 1024);

    expect(await collectOrphanFiles(db, dataDir)).toEqual({ removed: 2 });
    const exists = (f: typeof used) => fs.existsSync(blobPath(dataDir, f!.sha256!));
    expect([exists(used), exists(orphan), exists(recent), exists(reused), fs.existsSync(tmp)]).toEqual([true, false, true, true, false]);
    db.$client.close();
  });
});
