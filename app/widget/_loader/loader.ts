// widget.js: the only code a customer's website loads until the chat is opened. Framework-free and
// small: it draws the launcher inside a shadow root (no CSS leaks in or out), and only when the
// visitor opens the chat (or has a conversation with unread replies) injects the iframe with the chat.
import { isFrameMessage, type FrameToHost, type HostToFrame, type Identity } from './protocol';
import { pickLocale } from '@/lib/i18n/pick-locale';

type Appearance = { color: string; position: 'left' | 'right'; launcherText: { en: string; de?: string }; defaultLocale: 'en' | 'de' };
type Listener = (message: Extract<FrameToHost, { type: 'helpdesk:message' }>['message']) => void;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const channel = script?.dataset.channel;
  if (!script || !channel || (window as { Helpdesk?: unknown }).Helpdesk) return;
  const app = new URL(script.src).origin;
  const data = script.dataset;
  const activeKey = `helpdesk:${channel}:active`;

  let frame: HTMLIFrameElement | null = null;
  let ready = false;
  let isOpen = false;
  const queue: HostToFrame[] = [];
  const listeners: Listener[] = [];

  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  const panel = document.createElement('div');
  const button = document.createElement('button');
  const badge = document.createElement('span');
  // The chat follows its launcher, so Tab from the launcher goes into the open chat, not through the host page.
  root.append(style, button, panel);

  /** Whether this visitor has a conversation (host-page storage may be unavailable: then never preload). */
  function store(active?: boolean): boolean {
    try {
      if (active === true) localStorage.setItem(activeKey, '1');
      else if (active === false) localStorage.removeItem(activeKey);
      return localStorage.getItem(activeKey) === '1';
    } catch {
      return false;
    }
  }

  const post = (m: HostToFrame) => (ready && frame?.contentWindow ? frame.contentWindow.postMessage(m, app) : queue.push(m));

  function draw(a: Appearance) {
    const side = data.position === 'left' || (data.position !== 'right' && a.position === 'left') ? 'left' : 'right';
    const color = /^#[0-9a-f]{6}$/i.test(data.color ?? '') ? data.color! : a.color;
    const locale = data.locale === 'en' || data.locale === 'de' ? data.locale : pickLocale(navigator.languages ?? [navigator.language], a.defaultLocale);
    const label = data.launcherText || (locale === 'de' && a.launcherText.de) || a.launcherText.en;
    style.textContent = `:host{all:initial}
button{position:fixed;${side}:20px;bottom:20px;z-index:2147483646;display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;background:${color};color:#fff;font:600 15px/1.2 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25);cursor:pointer}
button:focus-visible{outline:3px solid #111;outline-offset:2px}
span{min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;line-height:20px;text-align:center}
span:empty{display:none}
div{position:fixed;${side}:20px;bottom:84px;z-index:2147483647;width:380px;height:min(640px,calc(100vh - 108px));border-radius:14px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.3);display:none;background:#fff}
div.open{display:block}
iframe{border:0;width:100%;height:100%}
@media (max-width:480px){div{left:0;right:0;top:0;bottom:0;width:auto;height:auto;border-radius:0}button.open{display:none}}`;
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.textContent = label;
    button.append(badge);
    frameUrl = `${app}/widget/frame?channel=${encodeURIComponent(channel!)}&host=${encodeURIComponent(location.origin)}&locale=${locale}`;
  }
  let frameUrl = '';

  let openWhenDrawn = false;
  function ensureFrame() {
    if (frame || !frameUrl) return;
    frame = document.createElement('iframe');
    frame.title = button.textContent || 'Chat';
    frame.src = frameUrl;
    frame.allow = 'clipboard-write';
    panel.append(frame);
  }

  function setOpen(open: boolean) {
    if (!frameUrl) return void (openWhenDrawn = open);
    isOpen = open;
    if (open) {
      ensureFrame();
      post({ type: 'helpdesk:open' });
    }
    panel.className = open ? 'open' : '';
    button.className = open ? 'open' : '';
    button.setAttribute('aria-expanded', String(open));
    // Focus follows the chat in and back out to the launcher (the frame then focuses its first field).
    if (open) frame!.focus();
    else button.focus();
  }

  button.addEventListener('click', () => setOpen(!isOpen));

  window.addEventListener('message', (event) => {
    if (event.origin !== app || !frame || event.source !== frame.contentWindow || !isFrameMessage(event.data)) return;
    const m = event.data;
    if (m.type === 'helpdesk:ready') {
      ready = true;
      for (const q of [...queue.splice(0), { type: 'helpdesk:start' } as const]) frame.contentWindow!.postMessage(q, app);
    } else if (m.type === 'helpdesk:close') setOpen(false);
    else if (m.type === 'helpdesk:unread') badge.textContent = m.count > 0 && !isOpen ? String(m.count) : '';
    else if (m.type === 'helpdesk:active') store(m.active);
    else if (m.type === 'helpdesk:message') listeners.forEach((l) => l(m.message));
  });

  (window as { Helpdesk?: unknown }).Helpdesk = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    identify: (identity: Identity) => post({ type: 'helpdesk:identify', identity }),
    setAttributes: (attributes: Record<string, string>) => post({ type: 'helpdesk:attributes', attributes }),
    on: (event: 'message', listener: Listener) => event === 'message' && listeners.push(listener),
  };

  fetch(`${app}/widget/config?channel=${encodeURIComponent(channel)}`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`widget config: ${r.status}`))))
    .then((a: Appearance) => {
      draw(a);
      document.body.append(host);
      // A visitor with a conversation gets the iframe at once (hidden), so agent replies can show as unread.
      if (openWhenDrawn) setOpen(true);
      else if (store()) ensureFrame();
      window.dispatchEvent(new Event('helpdesk:ready'));
    })
    .catch((err) => console.warn('Helpdesk widget unavailable:', err));
})();
