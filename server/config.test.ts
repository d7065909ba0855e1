import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-config-'));

describe('loadConfig', () => {
  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url', DATA_DIR: tmp() })).toThrow(/PORT[\s\S]*PUBLIC_URL/);
  });
  it('generates the session secret once and keeps it across starts', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
    expect((fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toString(8)).toBe('600');
  });
  it('derives the public URL from the port', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });
});
