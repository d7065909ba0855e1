import { spawn, type ChildProcess } from 'node:child_process';

/** Resolves with the first match of `re` in what the child prints (across chunks); rejects if it exits first. */
export function waitForLine(child: ChildProcess, re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(re);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before printing ${re}: ${buf}`)));
  });
}

/**
 * The built server (dist/server/index.js) on free ports with a fresh data directory and no demo tickets;
 * `env` adds to or overrides that, `nodeArgs` go before the script (a CPU profile).
 */
export function spawnBuiltServer(root: string, dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, 'dist/server/index.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SMTP_PORT: '0',
      DATA_DIR: dataDir,
      DEMO_TICKETS: '0',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
