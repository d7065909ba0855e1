import EmailReplyParser from 'email-reply-parser';

/**
 * The part of an email the customer actually wrote: quoted history ("Am … schrieb …", "On … wrote:",
 * "> …") and signatures folded away. Falls back to the whole text when nothing would be left.
 */
export function visiblePart(text: string): string {
  const visible = new EmailReplyParser().read(text).getVisibleText().trim();
  return visible || text.trim();
}
