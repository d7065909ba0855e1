import { TelegramAdmin } from './telegram-admin';

export default function TelegramPage() {
  return <TelegramAdmin />;
}
