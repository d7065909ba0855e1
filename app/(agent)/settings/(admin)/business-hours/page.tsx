import { BusinessHoursAdmin } from './business-hours-admin';

export default function BusinessHoursPage() {
  return <BusinessHoursAdmin />;
}
