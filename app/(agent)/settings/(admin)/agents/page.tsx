import { AgentsAdmin } from './agents-admin';

export default function AgentsPage() {
  return <AgentsAdmin />;
}
