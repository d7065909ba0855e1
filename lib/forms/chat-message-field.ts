import type { Answers, Field } from './form-definition';

/**
 * In the chat widget the visitor's first message is the pre-chat form's message: the form's first long
 * text field shown from the start (a "Your question" box) is not asked again in the form, the chat box
 * answers it. Null when the form has no such field.
 */
export function chatMessageField(fields: readonly Pick<Field, 'key' | 'type' | 'hiddenByDefault'>[]): string | null {
  return fields.find((f) => f.type === 'long_text' && !f.hiddenByDefault)?.key ?? null;
}

/** The pre-chat answers with the chat box's text as the message field's answer. */
export function withChatMessage(fields: readonly Pick<Field, 'key' | 'type' | 'hiddenByDefault'>[], answers: Answers, text: string): Answers {
  const key = chatMessageField(fields);
  return key && text.trim() ? { ...answers, [key]: text.trim() } : answers;
}
