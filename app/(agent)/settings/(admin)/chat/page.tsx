import { ChatWidgetsAdmin } from './chat-widgets-admin';

export default function ChatWidgetsPage() {
  return <ChatWidgetsAdmin />;
}
