'use client';

import { createContext, useContext, useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgentClientToServer, AgentServerToClient } from '@/lib/realtime-events';

export type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

const SocketContext = createContext<{ socket: AgentSocket | null; connected: boolean }>({ socket: null, connected: false });

/** One socket per tab for the agent UI; the session cookie authenticates it. */
export function RealtimeProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<{ socket: AgentSocket | null; connected: boolean }>({ socket: null, connected: false });
  useEffect(() => {
    const socket: AgentSocket = io('/agent', { withCredentials: true, transports: ['websocket', 'polling'] });
    setState({ socket, connected: socket.connected });
    socket.on('connect', () => setState({ socket, connected: true }));
    socket.on('disconnect', () => setState({ socket, connected: false }));
    socket.on('session:ended', () => window.location.assign('/login'));
    return () => {
      socket.close();
    };
  }, []);
  return <SocketContext.Provider value={state}>{children}</SocketContext.Provider>;
}

export function useRealtime() {
  return useContext(SocketContext);
}
