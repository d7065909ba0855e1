import { WhatsappAdmin } from './whatsapp-admin';

export default function WhatsappPage() {
  return <WhatsappAdmin />;
}
