import { SurveyPoliciesAdmin } from './survey-policies-admin';

export default function SurveyPoliciesPage() {
  return <SurveyPoliciesAdmin />;
}
