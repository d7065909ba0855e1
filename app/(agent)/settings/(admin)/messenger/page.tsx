import { MessengerAdmin } from './messenger-admin';

export default function MessengerPage() {
  return <MessengerAdmin />;
}
