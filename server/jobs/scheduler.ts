/**
 * All timed business work goes through here (never a bare setTimeout), so it can be stopped at shutdown
 * and, past one machine, moved to a real queue without touching the jobs.
 */
export type Scheduler = { every: (name: string, ms: number, job: () => Promise<void> | void) => void; stop: () => Promise<void> };

export function createScheduler(log: (line: string) => void = console.error): Scheduler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  return {
    every(name, ms, job) {
      // The next run is planned only after this one finished, so a slow run never overlaps itself.
      const tick = () => {
        const run = (async () => {
          try {
            await job();
          } catch (err) {
            log(`job ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
          }
        })();
        running.add(run);
        void run.finally(() => {
          running.delete(run);
          if (!stopped) timers.set(name, setTimeout(tick, ms));
        });
      };
      timers.set(name, setTimeout(tick, ms));
    },
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.all(running);
    },
  };
}
