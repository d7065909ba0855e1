// Messages between the loader on the host page and the chat iframe. Both sides name the other's origin
// when posting and check `event.origin` (and the source window) when receiving; never '*'.

export type Identity = { email: string; name?: string; externalId?: string; signature: string };

export type HostToFrame =
  /** Sent after the calls queued before the frame was ready: the frame connects only then, so an
   * identify made at page load is already known to the first connection. */
  | { type: 'helpdesk:start' }
  | { type: 'helpdesk:open' }
  | { type: 'helpdesk:identify'; identity: Identity }
  | { type: 'helpdesk:attributes'; attributes: Record<string, string> };

export type FrameToHost =
  | { type: 'helpdesk:ready' }
  | { type: 'helpdesk:close' }
  /** Messages from an agent the visitor has not seen (the launcher shows the count). */
  | { type: 'helpdesk:unread'; count: number }
  /** A conversation exists: the loader keeps the iframe ready on later page views to catch replies. */
  | { type: 'helpdesk:active'; active: boolean }
  | { type: 'helpdesk:message'; message: { author: 'visitor' | 'agent'; text: string; createdAt: number } };

export function isFrameMessage(data: unknown): data is FrameToHost {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('helpdesk:')
  );
}
