import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './ports';
import { spamdCheck } from '@/server/channels/email/spam/spamc';

export const SPAMD = '/usr/sbin/spamd';
export const hasSpamd = () => fs.existsSync(SPAMD);

/**
 * A real SpamAssassin daemon (Debian's spamd) for tests: stock rules, `--local` (these machines have no
 * DNS; network tests would stall), its own site config with a Bayes database in a temp dir, TELL allowed,
 * listening on 127.0.0.1 only, in the foreground so it ends with the test.
 */
export async function startSpamd() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-spamd-'));
  const site = path.join(dir, 'site');
  const bayes = path.join(dir, 'bayes');
  fs.mkdirSync(site);
  fs.mkdirSync(bayes);
  fs.chmodSync(dir, 0o755);
  // The plugin loaders (*.pre) come from the system config; the rules from /usr/share/spamassassin.
  for (const f of fs.readdirSync('/etc/spamassassin').filter((f) => f.endsWith('.pre'))) fs.copyFileSync(path.join('/etc/spamassassin', f), path.join(site, f));
  fs.writeFileSync(path.join(site, 'local.cf'), `bayes_path ${bayes}/bayes\nbayes_file_mode 0777\nlock_method flock\n`);
  fs.chownSync(bayes, 65534, 65534);
  const port = await freePort();
  const child = spawn(
    SPAMD,
    [
      '--local',
      `--listen=127.0.0.1:${port}`,
      `--pidfile=${dir}/spamd.pid`,
      '-u',
      'nobody',
      '--nouser-config',
      '--max-children=2',
      '--allow-tell',
      '--syslog=stderr',
      `--siteconfigpath=${site}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-20_000)));
  const address = { host: '127.0.0.1', port, timeoutMs: 10_000 };
  // Loading the rules takes seconds; ready once it answers a check.
  await waitForPort(port, 60_000, 'spamd', async () => !!(await spamdCheck(address, Buffer.from('Subject: ping\r\n\r\nping\r\n'))));
  return {
    host: '127.0.0.1',
    port,
    log: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
