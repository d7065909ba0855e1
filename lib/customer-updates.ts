import { z } from 'zod';

/**
 * Progress messages that keep a customer informed (complaint handling asks to "inform the customer at
 * every step"): when an agent takes the ticket, when it waits for them, when it is solved. Per team, off
 * until a team turns them on, in English and German with {{placeholders}}. Universal: the settings page
 * edits what the server sends.
 */
export const CUSTOMER_UPDATE_KINDS = ['working', 'waiting', 'solved'] as const;
export type CustomerUpdateKind = (typeof CUSTOMER_UPDATE_KINDS)[number];

export const UPDATE_PLACEHOLDERS = ['customer', 'number', 'subject', 'agent', 'summary'] as const;

const text = z.string().trim().min(1).max(2000);
const update = z.object({ enabled: z.boolean(), text: z.object({ en: text, de: text }) });
export const customerUpdatesSchema = z.object({ working: update, waiting: update, solved: update });
export type CustomerUpdates = z.infer<typeof customerUpdatesSchema>;

export const DEFAULT_CUSTOMER_UPDATES: CustomerUpdates = {
  working: {
    enabled: false,
    text: {
      en: 'Hello {{customer}},\n\n{{agent}} is now working on your request #{{number}} “{{subject}}”. We will get back to you as soon as we can.',
      de: 'Hallo {{customer}},\n\n{{agent}} kümmert sich jetzt um Ihre Anfrage #{{number}} „{{subject}}“. Wir melden uns so bald wie möglich.',
    },
  },
  waiting: {
    enabled: false,
    text: {
      en: 'Hello {{customer}},\n\nto continue with your request #{{number}} we need a reply from you. Just answer this message.',
      de: 'Hallo {{customer}},\n\num mit Ihrer Anfrage #{{number}} weiterzumachen, brauchen wir eine Antwort von Ihnen. Antworten Sie einfach auf diese Nachricht.',
    },
  },
  solved: {
    enabled: false,
    text: {
      en: 'Hello {{customer}},\n\nyour request #{{number}} “{{subject}}” is solved.\n\n{{summary}}\n\nIf anything is still open, just reply: the request opens again.',
      de: 'Hallo {{customer}},\n\nIhre Anfrage #{{number}} „{{subject}}“ ist gelöst.\n\n{{summary}}\n\nFalls noch etwas offen ist, antworten Sie einfach: die Anfrage wird dann wieder geöffnet.',
    },
  },
};

/** Fills {{placeholder}}s; an unknown one stays as written, so a typo shows instead of vanishing. */
export function fillUpdate(template: string, values: Partial<Record<(typeof UPDATE_PLACEHOLDERS)[number], string>>) {
  return template
    .replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key as keyof typeof values] ?? '') : whole))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
