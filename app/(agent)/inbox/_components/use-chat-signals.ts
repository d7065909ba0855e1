'use client';

import { useEffect, useState } from 'react';
import { useRealtime } from '@/app/_components/realtime';

/** For a chat: whether the customer is typing now, and the newest message they have seen. */
export function useChatSignals(ticketId: number, initialReadUpTo: number | null) {
  const { socket } = useRealtime();
  const [typing, setTyping] = useState(false);
  const [readUpTo, setReadUpTo] = useState(initialReadUpTo);
  useEffect(() => setReadUpTo(initialReadUpTo), [ticketId, initialReadUpTo]);
  useEffect(() => {
    if (!socket) return;
    const onTyping = (p: { ticketId: number; typing: boolean }) => p.ticketId === ticketId && setTyping(p.typing);
    const onRead = (p: { ticketId: number; upTo: number }) => p.ticketId === ticketId && setReadUpTo((r) => Math.max(r ?? 0, p.upTo));
    // A message from the customer means they stopped typing.
    const onMessage = (p: { ticketId: number; authorKind: string }) => p.ticketId === ticketId && p.authorKind === 'customer' && setTyping(false);
    socket.on('customer:typing', onTyping);
    socket.on('customer:read', onRead);
    socket.on('ticket:message', onMessage);
    return () => {
      socket.off('customer:typing', onTyping);
      socket.off('customer:read', onRead);
      socket.off('ticket:message', onMessage);
      setTyping(false);
    };
  }, [socket, ticketId]);
  return { customerTyping: typing, customerReadUpTo: readUpTo };
}
