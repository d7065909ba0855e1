import type { Config } from './config';

// Loaded once by server/index.ts; shared with Next's bundled copies of this module through globalThis.
const registry = globalThis as unknown as { __helpdeskConfig?: Config };

export function setConfig(config: Config): void {
  registry.__helpdeskConfig = config;
}

export function getConfig(): Config {
  const c = registry.__helpdeskConfig;
  if (!c) throw new Error('Configuration not loaded: server/index.ts loads it at start');
  return c;
}
