import { z } from 'zod';
import { AUTHOR_KINDS, CHANNEL_KINDS, PRIORITIES, TICKET_STATUSES } from './domain';
import { answerValue } from './forms/form-definition';
import { SLA_TARGETS } from './sla-policy';
import { SKIP_REASONS, SURVEY_TYPES } from './surveys/survey-policy';
import { CUSTOMER_UPDATE_KINDS } from './customer-updates';
import { SNOOZE_END_CAUSES } from './snooze';

/**
 * The ticket history's vocabulary: one payload schema per event type, a discriminated union over them,
 * and one constructor every writer uses (ingest, replies, updates, forms, spam, the seed). Reports read
 * these payloads, so each carries what a metric needs at the moment it happened, never what a mutable
 * ticket column says later. Universal: the browser renders the same types.
 */

const id = z.number().int().positive();
const nullableId = id.nullable();
const status = z.enum(TICKET_STATUSES);
const priority = z.enum(PRIORITIES);

/**
 * A duration a metric is built from (first response, resolution…): calendar time always; business time
 * and the calendar and policy it was counted on once SLA policies apply (null until then).
 */
export const durationSchema = z.object({
  calendarMs: z.number().int().min(0),
  businessMs: z.number().int().min(0).nullable(),
  calendarId: nullableId,
  policyId: nullableId,
});
export type Duration = z.infer<typeof durationSchema>;

const slaTarget = z.enum(SLA_TARGETS);
const cycle = z.number().int().positive();

const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

export const ticketEventPayloads = {
  /** What the ticket started with: where it came from and the properties it was given on arrival. */
  created: z.object({ channelId: id, channel: z.enum(CHANNEL_KINDS), teamId: nullableId, priority, assigneeId: nullableId, formId: nullableId }),
  /** `resolution`: on a change to solved, how long the ticket took from creation. */
  status_changed: z.object({ from: status, to: status, resolution: durationSchema.optional() }),
  assignee_changed: change(nullableId),
  team_changed: change(nullableId),
  priority_changed: change(priority),
  tags_changed: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  /** An agent applied a macro: its property changes follow as their own events. */
  macro_applied: z.object({ macroId: id, name: z.string() }),
  /** Merged: this ticket closed and its messages moved to `ticketId` (`merged_into`); or those of `ticketId` arrived here (`merged_from`). */
  merged_into: z.object({ ticketId: id, number: z.number().int().positive() }),
  merged_from: z.object({ ticketId: id, number: z.number().int().positive(), messages: z.number().int().min(0) }),
  /** An agent linked two related tickets, or took the link away; recorded on both. */
  linked: z.object({ ticketId: id, number: z.number().int().positive() }),
  unlinked: z.object({ ticketId: id, number: z.number().int().positive() }),
  /** Put away until `until` (waiting for the customer or someone else); it comes back then, or sooner when the customer writes. */
  snoozed: z.object({ until: z.number().int(), reason: z.string().nullable() }),
  /** `cause`: the time came, the customer wrote, or an agent took it out of waiting. */
  snooze_ended: z.object({ until: z.number().int(), cause: z.enum(SNOOZE_END_CAUSES) }),
  /** `firstResponse`: on the reply that was the ticket's first public agent reply, how long the customer waited. */
  public_reply: z.object({ messageId: id, firstResponse: durationSchema.optional() }),
  internal_note: z.object({ messageId: id }),
  /** An agent forwarded the conversation by email to someone outside it (the message is internal: not a reply to the customer). */
  forwarded: z.object({ messageId: id, to: z.array(z.string()) }),
  customer_message: z.object({ messageId: id }),
  acknowledgement_sent: z.object({ messageId: id }),
  form_submitted: z.object({ formId: id, form: z.string(), version: z.number().int().positive() }),
  form_answers_changed: z.object({ changes: z.array(z.object({ field: z.string(), label: z.string(), from: answerValue, to: answerValue })) }),
  /** Which routing rules matched and what they set (team, priority, assignee, tags). */
  routed: z.object({
    rules: z.array(z.object({ id: z.string(), name: z.string() })),
    set: z.object({ teamId: id.optional(), priority: priority.optional(), assigneeId: id.optional(), tags: z.array(z.string()).optional() }),
  }),
  /** Held back on arrival (`reason`) or marked by an agent (no reason). */
  marked_spam: z.object({ reason: z.enum(['spam', 'dmarc']).optional() }),
  marked_not_spam: z.object({}),
  /** A running SLA target moved because the policy or priority changed (or counts again under a policy). */
  sla_planned: z.object({
    target: slaTarget,
    cycle,
    policyId: id,
    policy: z.string(),
    dueAt: z.number().int().nullable(),
    previousDueAt: z.number().int().nullable().optional(),
  }),
  sla_warning: z.object({ target: slaTarget, cycle, dueAt: z.number().int() }),
  sla_breached: z.object({ target: slaTarget, cycle, dueAt: z.number().int() }),
  /** A target reached (first/next response by a public reply, resolution by solving), on time or not, measured in both clocks. */
  sla_met: z.object({
    target: slaTarget,
    cycle,
    met: z.boolean(),
    targetMs: z.number().int().positive(),
    overByMs: z.number().int().min(0),
    duration: durationSchema,
  }),
  /** A target that ended without being reached: solved before any reply, or no longer covered by a policy. */
  sla_stopped: z.object({ target: slaTarget, cycle, reason: z.enum(['solved', 'policy_changed']) }),
  /** A messenger reaction to a message (empty `emoji`: taken back): news for the agent, not a turn that reopens or starts a clock. */
  customer_reaction: z.object({ emoji: z.string().max(32), messageId: nullableId }),
  /** The platform's reply window (WhatsApp, Messenger: 24 hours after the customer's last message) closed with no reply. */
  reply_window_closed: z.object({ closedAt: z.number().int() }),
  /** A survey planned for a solve cycle was not sent, and why. */
  survey_skipped: z.object({ policyId: nullableId, cycle, reason: z.enum(SKIP_REASONS) }),
  survey_sent: z.object({ requestId: id, policyId: nullableId, cycle, type: z.enum(SURVEY_TYPES), channel: z.enum(CHANNEL_KINDS) }),
  /**
   * An answer (`changed`: it replaces an earlier one; the latest counts), with what the dashboard groups by
   * as it was when the ticket was solved: the agent and team, and the scale the score was given on.
   */
  survey_answered: z.object({
    requestId: id,
    answerId: id,
    type: z.enum(SURVEY_TYPES),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    score: z.number().int(),
    reason: z.string().nullable(),
    comment: z.boolean(),
    channel: z.enum(CHANNEL_KINDS),
    agentId: nullableId,
    teamId: nullableId,
    changed: z.boolean(),
    unhappy: z.boolean(),
  }),
  /** This ticket was opened to follow up an unhappy survey answer on another. */
  survey_follow_up: z.object({ fromTicketId: id, fromNumber: z.number().int().positive(), requestId: id, answerId: id }),
  /** A progress message told the customer where their request stands (lib/customer-updates.ts). */
  customer_update_sent: z.object({ kind: z.enum(CUSTOMER_UPDATE_KINDS), messageId: id }),
  /** The customer asked for no more surveys (honoured on every channel). */
  survey_opted_out: z.object({ requestId: id }),
} as const;

export type TicketEventType = keyof typeof ticketEventPayloads;
export const TICKET_EVENT_TYPES = Object.keys(ticketEventPayloads) as [TicketEventType, ...TicketEventType[]];
export type TicketEventData<T extends TicketEventType = TicketEventType> = z.infer<(typeof ticketEventPayloads)[T]>;

/** One history entry as stored and as the UI receives it: `type` decides the shape of `data`. */
export type TicketEventOf<T extends TicketEventType> = { type: T; data: TicketEventData<T> };
export type TypedTicketEvent = { [T in TicketEventType]: TicketEventOf<T> }[TicketEventType];

export type EventActor = { kind: (typeof AUTHOR_KINDS)[number]; agentId?: number | null };
export type NewTicketEvent = TypedTicketEvent & { ticketId: number; actorKind: EventActor['kind']; actorAgentId: number | null; createdAt: number };

/** The one constructor of history entries. Typed on `type`, so a writer cannot record a payload of the wrong shape. */
export function ticketEvent<T extends TicketEventType>(
  ticketId: number,
  type: T,
  data: TicketEventData<T>,
  actor: EventActor,
  createdAt: number,
): NewTicketEvent {
  return { ticketId, type, data, actorKind: actor.kind, actorAgentId: actor.agentId ?? null, createdAt } as NewTicketEvent;
}

/** Checks a stored payload against its type's schema (the migration of old rows and the tests use it). */
export function parseTicketEvent(type: string, data: unknown): { ok: true; event: TypedTicketEvent } | { ok: false; error: string } {
  const schema = (ticketEventPayloads as Record<string, z.ZodType>)[type];
  if (!schema) return { ok: false, error: `unknown event type "${type}"` };
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { ok: true, event: { type, data: parsed.data } as TypedTicketEvent }
    : { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ') };
}
