import type { ChannelKind } from '@/lib/domain';
import type { ChannelAdapter } from './channel-adapter';
import { emailAdapter } from './email/email-adapter';
import { chatAdapter } from './chat/chat-adapter';
import { webFormAdapter } from './web-form/web-form-adapter';
import { whatsappAdapter } from './whatsapp/whatsapp-adapter';
import { telegramAdapter } from './telegram/telegram-adapter';
import { messengerAdapter } from './messenger/messenger-adapter';

/** Every channel kind the app can serve, one line each. */
const ADAPTERS: ChannelAdapter[] = [emailAdapter, chatAdapter, webFormAdapter, whatsappAdapter, telegramAdapter, messengerAdapter];

const byKind = new Map<ChannelKind, ChannelAdapter>(ADAPTERS.map((a) => [a.kind, a]));

export function adapterFor(kind: ChannelKind): ChannelAdapter | undefined {
  return byKind.get(kind);
}

export function allAdapters(): readonly ChannelAdapter[] {
  return ADAPTERS;
}
