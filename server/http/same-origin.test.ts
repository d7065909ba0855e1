import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fromOwnOrigin } from './same-origin';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('fromOwnOrigin', () => {
  const https = 'https://helpdesk.example.com';
  it('accepts requests without an Origin (not a browser) and from the public origin', () => {
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com' }), https)).toBe(true);
    expect(fromOwnOrigin(req({ host: 'internal:3000', origin: 'https://helpdesk.example.com' }), https)).toBe(true);
  });
  it('accepts the host the request went to only under the public scheme', () => {
    expect(fromOwnOrigin(req({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), 'http://localhost:3000')).toBe(true);
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: 'http://helpdesk.example.com' }), https)).toBe(false);
    expect(fromOwnOrigin(req({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }), 'http://localhost:3000')).toBe(false);
  });
  it('refuses sibling subdomains, other sites, opaque and malformed origins', () => {
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: 'https://shop.example.com' }), https)).toBe(false);
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: 'https://helpdesk.example.com.evil.test' }), https)).toBe(false);
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: 'null' }), https)).toBe(false);
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: 'https://helpdesk.example.com/path' }), https)).toBe(false);
    expect(fromOwnOrigin(req({ host: 'helpdesk.example.com', origin: '' }), https)).toBe(false);
  });
});
