import { InboxesAdmin } from './inboxes-admin';

export default function InboxesPage() {
  return <InboxesAdmin />;
}
