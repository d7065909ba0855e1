import { SlaPoliciesAdmin } from './sla-policies-admin';

export default function SlaPoliciesPage() {
  return <SlaPoliciesAdmin />;
}
