/** @jsxImportSource preact */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FrameToHost, HostToFrame } from '../_loader/protocol';
import type { WidgetLocale } from '@/lib/widget-events';
import { ChatClient, type ChatState } from './chat-client';
import { textsFor } from './i18n';
import { App } from './app';

// The chat inside the iframe. It talks to the host page only through postMessage with the host's origin
// named (passed by the loader, and the frame is only allowed inside the channel's sites by CSP).
const params = new URLSearchParams(location.search);
const channel = params.get('channel') ?? '';
const hostOrigin = params.get('host') ?? '';
const locale: WidgetLocale = params.get('locale') === 'en' ? 'en' : 'de';
const t = textsFor(locale);
document.documentElement.lang = locale;

const toHost = (m: FrameToHost) => {
  if (hostOrigin && window.parent !== window) window.parent.postMessage(m, hostOrigin);
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let open = false;
let update: (s: ChatState) => void = () => {};
let requestFocus: () => void = () => {};

function close() {
  open = false;
  toHost({ type: 'helpdesk:close' });
}
const client = new ChatClient({
  channel,
  locale,
  storage: storage(),
  onChange: (s) => {
    update(s);
    toHost({ type: 'helpdesk:active', active: s.conversation !== null && s.conversation.status === 'open' });
    if (open && document.visibilityState === 'visible') client.markRead();
    toHost({ type: 'helpdesk:unread', count: open ? 0 : client.unreadCount() });
  },
  onAgentMessage: (m) => toHost({ type: 'helpdesk:message', message: { author: m.author, text: m.text, createdAt: m.createdAt } }),
});

window.addEventListener('message', (event) => {
  if (event.origin !== hostOrigin || event.source !== window.parent) return;
  const m = event.data as HostToFrame;
  if (m?.type === 'helpdesk:start') client.start();
  else if (m?.type === 'helpdesk:open') {
    open = true;
    client.markRead();
    toHost({ type: 'helpdesk:unread', count: 0 });
    requestFocus();
  } else if (m?.type === 'helpdesk:identify' && m.identity) client.identify(m.identity);
  else if (m?.type === 'helpdesk:attributes' && m.attributes) client.setAttributes(m.attributes);
});

// Escape closes the chat from wherever focus is inside it, as it would a dialog.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && open && !e.defaultPrevented) close();
});

function Root() {
  const [state, setState] = useState(client.current);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    update = setState;
    requestFocus = () => setFocusRequest((n) => n + 1);
    // Effects wait for a frame, and a hidden (preloaded) iframe gets none: catch up on what changed meanwhile.
    setState(client.current);
  }, []);
  return <App client={client} state={state} locale={locale} t={t} focusRequest={focusRequest} onClose={close} />;
}

render(<Root />, document.getElementById('root')!);
toHost({ type: 'helpdesk:ready' });
// Opened on its own (not inside a site's page), there is no host to wait for; inside one, a host that
// never answers (an old loader, a blocked message) must not keep the chat from connecting.
if (window.parent === window || !hostOrigin) client.start();
else setTimeout(() => client.start(), 3_000);
