import { AppProviders } from '../_components/app-providers';
import { SetupForm } from './setup-form';

export const dynamic = 'force-dynamic';

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AppProviders>
      <SetupForm token={token ?? ''} />
    </AppProviders>
  );
}
