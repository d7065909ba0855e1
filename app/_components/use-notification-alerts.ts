'use client';

import { useEffect, useRef, useState } from 'react';

/** Per device, not per agent: a desk PC may beep, the phone in a pocket not. */
const DEVICE_KEY = 'helpdesk:notification-alerts';
type DeviceAlerts = { browser: boolean; sound: boolean };

export function useDeviceAlerts() {
  const [alerts, setAlerts] = useState<DeviceAlerts>({ browser: false, sound: false });
  useEffect(() => {
    try {
      setAlerts({ browser: false, sound: false, ...JSON.parse(localStorage.getItem(DEVICE_KEY) ?? '{}') });
    } catch {
      // A damaged entry means the defaults.
    }
  }, []);
  const update = async (patch: Partial<DeviceAlerts>) => {
    // The browser asks the agent once; refused, the switch stays off.
    if (patch.browser && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
      patch.browser = (await Notification.requestPermission()) === 'granted';
    }
    const next = { ...alerts, ...patch };
    setAlerts(next);
    localStorage.setItem(DEVICE_KEY, JSON.stringify(next));
  };
  return { alerts, update };
}

/** A short two-tone chime from the Web Audio API: no file to fetch, nothing to block. */
function chime() {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  [880, 1320].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.12);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.12 + 0.25);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.12);
    osc.stop(ctx.currentTime + i * 0.12 + 0.3);
  });
  setTimeout(() => void ctx.close(), 1000);
}

/**
 * What the unread notifications do outside the bell: the tab's title counts them ("(3) Helpdesk"), and a
 * notification newer than the last one seen rings (if this device wants a sound) and, while the tab is in
 * the background, shows as a browser notification (if allowed).
 */
export function useNotificationAlerts(
  unread: number,
  newest: { id: number; title: string; body: string; readAt: number | null } | undefined,
  alerts: DeviceAlerts,
) {
  const baseTitle = useRef<string | null>(null);
  useEffect(() => {
    baseTitle.current ??= document.title.replace(/^\(\d+\+?\) /, '');
    document.title = unread > 0 ? `(${unread > 99 ? '99+' : unread}) ${baseTitle.current}` : baseTitle.current;
  }, [unread]);
  const lastSeen = useRef<number | null>(null);
  useEffect(() => {
    if (!newest) return;
    // The first list after loading the page is what was there already.
    const first = lastSeen.current === null;
    if (!first && newest.id > lastSeen.current! && newest.readAt === null) {
      if (alerts.sound) chime();
      if (alerts.browser && document.hidden && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        new Notification(newest.title, { body: newest.body, tag: `notification-${newest.id}` });
      }
    }
    lastSeen.current = Math.max(lastSeen.current ?? 0, newest.id);
  }, [newest, alerts]);
}
