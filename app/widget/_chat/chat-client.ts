import { io, type Socket } from 'socket.io-client';
import type { Answers } from '@/lib/forms/form-definition';
import type { FieldError } from '@/lib/forms/evaluate-form';
import type {
  WidgetAuth,
  WidgetAvailability,
  WidgetClientToServer,
  WidgetFile,
  WidgetLocale,
  WidgetMessage,
  WidgetServerToClient,
  WidgetSession,
  WidgetSurvey,
} from '@/lib/widget-events';
import { newClientId, Outbox, type Pending } from './outbox';

export type ChatState = {
  connection: 'connecting' | 'online' | 'offline' | 'refused';
  session: WidgetSession | null;
  messages: WidgetMessage[];
  pending: readonly Pending[];
  conversation: { ticketId: number; status: 'open' | 'ended' } | null;
  agentTyping: string | null;
  agentReadUpTo: number | null;
  availability: WidgetAvailability;
  /** Problems with the pre-chat answers the server reported for the first message. */
  fieldErrors: FieldError[];
  /** The survey of the current conversation (sent when an agent solved it). */
  survey: WidgetSurvey | null;
};

type Options = { channel: string; locale: WidgetLocale; storage: Storage | null; onChange: (s: ChatState) => void; onAgentMessage: (m: WidgetMessage) => void };

const ACK_TIMEOUT_MS = 15_000;

/**
 * The visitor's side of the chat: one socket, the outbox, and the state the UI draws. Messages are sent
 * one at a time in the order written; each leaves the outbox only when the server acknowledges it (after
 * its commit). After every (re)connect the client re-sends what is pending and fetches what it missed.
 */
export class ChatClient {
  private socket: Socket<WidgetServerToClient, WidgetClientToServer>;
  private outbox: Outbox;
  private identity: WidgetAuth['identity'];
  private attributes: Record<string, string> = {};
  private flushing = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private state: ChatState;

  constructor(private readonly o: Options) {
    this.outbox = new Outbox(o.storage, `hd:${o.channel}:outbox`);
    this.state = {
      connection: 'connecting',
      session: null,
      messages: [],
      pending: this.outbox.list(),
      conversation: null,
      agentTyping: null,
      agentReadUpTo: null,
      availability: { agentsOnline: 0, open: true, opensAt: null },
      fieldErrors: [],
      survey: null,
    };
    this.socket = io('/widget', {
      // A function, so every reconnect presents the newest token and identity.
      auth: (cb) => cb({ channel: o.channel, token: this.stored('token') ?? undefined, identity: this.identity, locale: o.locale }),
      transports: ['websocket', 'polling'],
      autoConnect: false,
    });
    this.listen();
  }

  /** Connects (once the host page has passed on what it knows, such as the identity). */
  start() {
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
  }

  get current() {
    return this.state;
  }

  private set(patch: Partial<ChatState>) {
    this.state = { ...this.state, ...patch };
    this.o.onChange(this.state);
  }

  private stored(key: string) {
    try {
      return this.o.storage?.getItem(`hd:${this.o.channel}:${key}`) ?? null;
    } catch {
      return null;
    }
  }

  private store(key: string, value: string | null) {
    try {
      if (value === null) this.o.storage?.removeItem(`hd:${this.o.channel}:${key}`);
      else this.o.storage?.setItem(`hd:${this.o.channel}:${key}`, value);
    } catch {
      // Blocked storage: the conversation lasts as long as the page.
    }
  }

  private merge(incoming: WidgetMessage[]) {
    if (!incoming.length) return;
    const byId = new Map(this.state.messages.map((m) => [m.id, m]));
    for (const m of incoming) byId.set(m.id, m);
    this.set({ messages: [...byId.values()].sort((a, b) => a.id - b.id) });
  }

  private listen() {
    const s = this.socket;
    s.on('session', (session) => {
      this.store('token', session.token);
      const conv = session.conversation;
      this.set({
        connection: 'online',
        session,
        conversation: conv && { ticketId: conv.ticketId, status: conv.status },
        survey: conv?.survey ?? null,
        agentReadUpTo: conv?.agentReadUpTo ?? null,
        availability: session.availability,
      });
      this.merge(conv?.messages ?? []);
      const lastId = this.state.messages.at(-1)?.id ?? 0;
      void s
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('messages:since', { afterId: lastId })
        .then(
          (res) => res.ok && this.merge(res.messages),
          () => {},
        );
      if (Object.keys(this.attributes).length) s.emit('attributes', this.attributes);
      void this.flush();
    });
    s.on('connect_error', (err) => {
      const reason = (err as Error & { data?: { reason?: string } }).data?.reason ?? err.message;
      console.warn(`Helpdesk chat: cannot connect (${reason})`);
      if (reason === 'unknown_channel' || reason === 'identity_refused') return this.set({ connection: 'refused' });
      this.set({ connection: 'offline' });
      // An expired or foreign token: continue as a new visitor rather than not at all.
      if (reason === 'invalid_token') this.store('token', null);
      // socket.io retries lost connections itself, but not a refusal by the server: try again shortly.
      if (!s.active) this.retryTimer = setTimeout(() => s.connect(), reason === 'invalid_token' ? 0 : Math.min(15_000, 1000 * 2 ** this.failures++));
    });
    s.on('connect', () => {
      this.failures = 0;
      clearTimeout(this.retryTimer);
    });
    s.on('disconnect', () => this.set({ connection: 'offline', agentTyping: null }));
    // A phone losing its network is noticed at once rather than after the heartbeat times out.
    addEventListener('offline', () => s.disconnect());
    addEventListener('online', () => s.connect());
    s.on('message', (m) => {
      this.merge([m]);
      if (m.author === 'agent') {
        this.set({ agentTyping: null });
        this.o.onAgentMessage(m);
      }
    });
    s.on('typing', (t) => this.set({ agentTyping: t.typing ? t.agentName : null }));
    s.on('read', (r) => this.set({ agentReadUpTo: Math.max(r.upTo, this.state.agentReadUpTo ?? 0) }));
    s.on('conversation', (c) => this.set({ conversation: c }));
    s.on('availability', (availability) => this.set({ availability }));
    s.on('survey', (survey) => {
      if (survey.ticketId === this.state.conversation?.ticketId) this.set({ survey });
    });
  }

  /** Rates the conversation (or changes the rating, or adds a comment to it); resolves to the server's refusal, if any. */
  async answerSurvey(a: { score: number; reason?: string | null; comment?: string | null }): Promise<{ ok: true } | { ok: false; message: string }> {
    const survey = this.state.survey;
    if (!survey || !this.socket.connected) return { ok: false, message: 'offline' };
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('survey:answer', { requestId: survey.requestId, ...a, submissionKey: newClientId() });
      if (!res.ok) return { ok: false, message: res.error.message };
      this.set({ survey: res.survey });
      return { ok: true };
    } catch {
      return { ok: false, message: 'offline' };
    }
  }

  async stopSurveys(): Promise<void> {
    const survey = this.state.survey;
    if (!survey || !this.socket.connected) return;
    const res = await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('survey:stop', { requestId: survey.requestId })
      .catch(() => null);
    if (res?.ok) this.set({ survey: res.survey });
  }

  send(text: string, extra: { prechat?: Answers; file?: WidgetFile } = {}) {
    this.outbox.add({ clientId: newClientId(), text, createdAt: Date.now(), ...extra });
    this.set({ pending: this.outbox.list(), fieldErrors: [] });
    void this.flush();
  }

  /** Drops a message refused for good (the pre-chat form sends its first message again, corrected). */
  discard(clientId: string) {
    this.outbox.acked(clientId);
    this.set({ pending: this.outbox.list() });
  }

  retry(clientId: string) {
    this.outbox.retry(clientId);
    this.set({ pending: this.outbox.list() });
    void this.flush();
  }

  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let p = this.outbox.next(); p && this.socket.connected; p = this.outbox.next()) {
        let res;
        try {
          res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { clientId: p.clientId, text: p.text, prechat: p.prechat, file: p.file });
        } catch {
          return; // no ack in time: the connection is gone or slow; the next connect sends it again
        }
        if (res.ok) {
          this.outbox.acked(p.clientId);
          const conv = this.state.conversation;
          this.set({
            pending: this.outbox.list(),
            conversation: conv?.ticketId === res.message.ticketId ? conv : { ticketId: res.message.ticketId, status: 'open' },
            // A new conversation has no survey yet; the old one's stays with the old conversation.
            survey: conv?.ticketId === res.message.ticketId ? this.state.survey : null,
          });
          if (res.agentReadUpTo) this.set({ agentReadUpTo: Math.max(res.agentReadUpTo, this.state.agentReadUpTo ?? 0) });
          this.merge([res.message]);
        } else if (res.error.code === 'TOO_MANY_REQUESTS') {
          setTimeout(() => void this.flush(), 5_000);
          return;
        } else {
          this.outbox.failed(p.clientId, res.error.message);
          this.set({ pending: this.outbox.list(), fieldErrors: res.error.fieldErrors ?? [] });
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Leaves an address for replies; resolves to the address kept, or the server's refusal. */
  async contact(email: string): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
    if (!this.socket.connected) return { ok: false, message: 'offline' };
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('contact', { email });
      if (!res.ok) return { ok: false, message: res.error.message };
      if (this.state.session) this.set({ session: { ...this.state.session, contactEmail: res.email } });
      return { ok: true, email: res.email };
    } catch {
      return { ok: false, message: 'offline' };
    }
  }

  /** Asks for the conversation by email; resolves to the address it went to, or the server's refusal. */
  async transcript(email?: string): Promise<{ ok: true; to: string } | { ok: false; message: string; key?: string }> {
    if (!this.socket.connected) return { ok: false, message: 'offline' };
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('transcript', email ? { email } : {});
      return res.ok ? { ok: true, to: res.to } : { ok: false, message: res.error.message, key: res.error.key };
    } catch {
      return { ok: false, message: 'offline' };
    }
  }

  typing(typing: boolean) {
    if (this.socket.connected) this.socket.emit('typing', { typing });
  }

  markRead() {
    const last = this.state.messages.findLast((m) => m.author === 'agent');
    if (!last || Number(this.stored('seen') ?? 0) >= last.id) return;
    this.store('seen', String(last.id));
    if (this.socket.connected) this.socket.emit('read', { upTo: last.id });
  }

  unreadCount() {
    const seen = Number(this.stored('seen') ?? 0);
    return this.state.messages.filter((m) => m.author === 'agent' && m.id > seen).length;
  }

  /** The site vouches for its logged-in user: reconnect with the signed identity. */
  identify(identity: NonNullable<WidgetAuth['identity']>) {
    this.identity = identity;
    if (this.socket.active) this.socket.disconnect().connect();
  }

  setAttributes(attributes: Record<string, string>) {
    this.attributes = { ...this.attributes, ...attributes };
    if (this.socket.connected) this.socket.emit('attributes', this.attributes);
  }
}
