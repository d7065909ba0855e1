import { InboxApp } from './_components/inbox-app';

export default function InboxPage() {
  return <InboxApp />;
}
