import { afterAll, afterEach } from 'vitest';
import { getBus, type BusEvents } from '@/server/realtime/bus';

/**
 * What the process's bus said during each test, in order: the announcements a write makes after its
 * commit (messages, status changes, ticket changes). Cleared after every test; unsubscribed at the end.
 */
export function recordBus(names: readonly (keyof BusEvents)[]) {
  const heard: { name: keyof BusEvents; payload: unknown }[] = [];
  const offs = names.map((name) => {
    const fn = (payload: unknown) => heard.push({ name, payload });
    getBus().on(name, fn);
    return () => getBus().off(name, fn);
  });
  afterEach(() => void (heard.length = 0));
  afterAll(() => offs.forEach((off) => off()));
  return heard;
}
