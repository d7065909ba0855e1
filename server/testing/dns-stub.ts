import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

export type StubRecords = Record<string, { TXT?: string[]; A?: string[]; MX?: { exchange: string; priority: number }[] }>;

/**
 * A DNS server on loopback (UDP) answering from a fixed table, for SPF, DKIM and DMARC lookups in
 * tests: these machines have no DNS. Unknown names get NXDOMAIN, as a real resolver would say.
 */
export async function startDnsStub(records: StubRecords) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    const entry = q ? records[q.name.toLowerCase().replace(/\.$/, '')] : undefined;
    const answers: dnsPacket.Answer[] = [];
    if (q && entry) {
      if (q.type === 'TXT') for (const txt of entry.TXT ?? []) answers.push({ type: 'TXT', name: q.name, ttl: 60, class: 'IN', data: chunk(txt) });
      if (q.type === 'A') for (const a of entry.A ?? []) answers.push({ type: 'A', name: q.name, ttl: 60, class: 'IN', data: a });
      if (q.type === 'MX') for (const mx of entry.MX ?? []) answers.push({ type: 'MX', name: q.name, ttl: 60, class: 'IN', data: mx });
    }
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (entry ? 0 : 3) /* NXDOMAIN */,
      questions: query.questions,
      answers,
    });
    socket.send(response, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${socket.address().port}`, stop: () => new Promise<void>((r) => socket.close(() => r())) };
}

/** TXT strings are at most 255 bytes each; long records (DKIM keys) are split, as zone files do. */
const chunk = (s: string) => s.match(/.{1,255}/g) ?? [''];
