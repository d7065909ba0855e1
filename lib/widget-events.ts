// Typed socket.io contract between the chat widget (iframe) and the server's `/widget` namespace.
// Universal: no server imports; the widget bundle imports only types from here.
import type { Answers, FormDefinition } from './forms/form-definition';
import type { FieldError } from './forms/evaluate-form';

export type WidgetLocale = 'en' | 'de';

/** A message as the visitor may see it: public messages of their own conversations only. */
export type WidgetMessage = {
  id: number;
  ticketId: number;
  /** The id the visitor's client gave it, so the client can match the ack to its outbox entry. */
  clientId: string | null;
  author: 'visitor' | 'agent';
  agentName: string | null;
  text: string;
  /** `url` downloads the file (null when it was refused and not kept). */
  attachments: { filename: string; size: number; url: string | null }[];
  createdAt: number;
};

type Localized = { en: string; de: string };

/**
 * The survey of the visitor's conversation, as the widget draws it under the messages: the question in
 * both languages (the widget shows its own), the points, the visitor's answer so far, whether they stopped
 * surveys. `open`: answers are still taken (and may be changed).
 */
export type WidgetSurvey = {
  requestId: number;
  ticketId: number;
  type: 'csat' | 'nps' | 'ces';
  question: Localized;
  scale: { min: number; max: number };
  labels: ({ score: number } & Localized)[];
  reasons: ({ key: string } & Localized)[];
  comment: boolean;
  answer: { score: number; reason: string | null; comment: string | null } | null;
  open: boolean;
  optedOut: boolean;
};

export type WidgetConversation = {
  ticketId: number;
  number: number;
  status: 'open' | 'ended';
  messages: WidgetMessage[];
  agentReadUpTo: number | null;
  survey: WidgetSurvey | null;
};

/** What the visitor's side needs to draw the chat; nothing secret. */
export type WidgetAppearance = {
  color: string;
  position: 'left' | 'right';
  greeting: { en: string; de?: string };
  launcherText: { en: string; de?: string };
  defaultLocale: WidgetLocale;
  expectedReplyMinutes: number;
  maxFileMb: number;
  maxMessageLength: number;
};

/**
 * Whether someone answers now: agents of the widget's team with the app open, and whether it is within
 * the widget's business hours (always, without a calendar). `opensAt`: the next opening while closed
 * (null when none is planned).
 */
export type WidgetAvailability = { agentsOnline: number; open: boolean; opensAt: number | null };

export type WidgetSession = {
  /** The visitor token to keep: a reload or a later visit continues with it. */
  token: string;
  identified: { email: string; name: string } | null;
  conversation: WidgetConversation | null;
  /** The pre-chat form asked before a new conversation (fields already answered by identify are prefilled). */
  prechat: Pick<FormDefinition, 'fields' | 'version'> | null;
  prefill: Answers;
  availability: WidgetAvailability;
  /** Where a reply goes if the visitor has left by then; null: we have no address yet (ask for one). */
  contactEmail: string | null;
  appearance: WidgetAppearance;
};

export type WidgetFile = { name: string; type: string; data: ArrayBuffer | Uint8Array };

export type SendMessage = { clientId: string; text: string; prechat?: Answers; file?: WidgetFile };

/** `message` is in the visitor's language; `key` names the error for the widget's own decisions (e.g. 'email_needed'). */
export type WidgetError = { code: 'BAD_REQUEST' | 'TOO_MANY_REQUESTS' | 'NOT_FOUND' | 'INTERNAL'; message: string; key?: string; fieldErrors?: FieldError[] };

export type Ack<T> = (res: ({ ok: true } & T) | { ok: false; error: WidgetError }) => void;

export interface WidgetServerToClient {
  session: (s: WidgetSession) => void;
  message: (m: WidgetMessage) => void;
  typing: (p: { ticketId: number; agentName: string; typing: boolean }) => void;
  read: (p: { ticketId: number; upTo: number }) => void;
  conversation: (p: { ticketId: number; status: 'open' | 'ended' }) => void;
  availability: (p: WidgetAvailability) => void;
  survey: (s: WidgetSurvey) => void;
}

/** `submissionKey`: the widget's id for one send, so a retry after a lost ack is the same answer. */
export type SurveyAnswer = { requestId: number; score: number; reason?: string | null; comment?: string | null; submissionKey: string };

export interface WidgetClientToServer {
  /** `agentReadUpTo`: an agent had the chat open, so the message was read on arrival. */
  'message:send': (m: SendMessage, ack: Ack<{ message: WidgetMessage; agentReadUpTo?: number }>) => void;
  'messages:since': (p: { afterId: number }, ack: Ack<{ messages: WidgetMessage[] }>) => void;
  typing: (p: { typing: boolean }) => void;
  read: (p: { upTo: number }) => void;
  /** Emails the conversation to the visitor (to the address they give if we know none: error 'email_needed'). */
  transcript: (p: { email?: string }, ack: Ack<{ to: string }>) => void;
  /** The visitor leaves an address for replies while nobody can answer live. */
  contact: (p: { email: string }, ack: Ack<{ email: string }>) => void;
  /** Customer attributes from the site (plan, customer number…); shown in the agent's customer panel. */
  attributes: (a: Record<string, string>) => void;
  'survey:answer': (a: SurveyAnswer, ack: Ack<{ survey: WidgetSurvey }>) => void;
  'survey:stop': (p: { requestId: number }, ack: Ack<{ survey: WidgetSurvey }>) => void;
}

/** What the socket handshake carries (`auth`). */
export type WidgetAuth = {
  channel: string;
  token?: string;
  identity?: { email: string; name?: string; externalId?: string; signature: string };
  locale?: WidgetLocale;
};
