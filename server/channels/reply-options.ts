import type { ChannelKind } from '@/lib/domain';
import type { ReplyOptions } from './channel-adapter';
import { adapterFor } from './registry';

/** The channel's reply options for the composer and the list badges (null: a channel without a reply window or templates). */
export function replyOptionsOf(channel: { kind: ChannelKind; settings: Record<string, unknown> }): ReplyOptions | null {
  return adapterFor(channel.kind)?.replyOptions?.(channel.settings) ?? null;
}
