import { FormsList } from './_components/forms-list';

export default function FormsPage() {
  return <FormsList />;
}
