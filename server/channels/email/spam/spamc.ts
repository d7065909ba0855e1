import net from 'node:net';
import type { SpamdVerdict } from '@/lib/mail-checks';

export type SpamdAddress = { host: string; port: number; timeoutMs: number };

/**
 * One request of the spamc protocol (SPAMC/1.5 over TCP, as spamd speaks it): a request line, headers,
 * a blank line and the message; spamd answers a status line, headers and an optional body, then closes.
 */
function spamcRequest(
  spamd: SpamdAddress,
  request: string,
  headers: Record<string, string>,
  message: Buffer,
): Promise<{ headers: Map<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(spamd.port, spamd.host);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`spamd did not answer within ${spamd.timeoutMs} ms`)), spamd.timeoutMs);
    socket.on('connect', () => {
      const head = [
        `${request} SPAMC/1.5`,
        ...Object.entries({ ...headers, 'Content-length': String(message.length) }).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ].join('\r\n');
      socket.end(Buffer.concat([Buffer.from(head, 'latin1'), message]));
    });
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const head = end < 0 ? text : text.slice(0, end);
      const body = end < 0 ? '' : text.slice(end + 4);
      const [status, ...lines] = head.split('\r\n');
      const code = status?.match(/^SPAMD\/\d+\.\d+ (\d+) /)?.[1];
      if (code !== '0') return reject(new Error(`spamd answered: ${status || 'nothing'}`));
      resolve({ headers: new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])), body });
    });
  });
}

/** Asks spamd for its verdict and the rules that matched (SYMBOLS). Rejects on any failure or time-out. */
export async function spamdCheck(spamd: SpamdAddress, message: Buffer): Promise<SpamdVerdict> {
  const res = await spamcRequest(spamd, 'SYMBOLS', {}, message);
  // "Spam: True ; 15.2 / 5.0"
  const m = res.headers.get('spam')?.match(/^(true|false|yes|no)\s*;\s*(-?[\d.]+)\s*\/\s*(-?[\d.]+)/i);
  if (!m) throw new Error('spamd sent no verdict');
  const rules = res.body.trim()
    ? res.body
        .trim()
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean)
    : [];
  return { spam: /^(true|yes)$/i.test(m[1]!), score: Number(m[2]), required: Number(m[3]), rules };
}

/** Teaches spamd (its Bayes filter) that a message was spam or not, as an agent decided (TELL; spamd needs --allow-tell). */
export async function spamdLearn(spamd: SpamdAddress, message: Buffer, messageClass: 'spam' | 'ham'): Promise<void> {
  const res = await spamcRequest(spamd, 'TELL', { 'Message-class': messageClass, Set: 'local' }, message);
  if (!res.headers.has('didset') && !res.headers.has('didremove')) throw new Error('spamd did not record the lesson');
}
