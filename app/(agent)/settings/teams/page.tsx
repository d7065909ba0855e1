import { TeamsAdmin } from './teams-admin';

export default function TeamsPage() {
  return <TeamsAdmin />;
}
