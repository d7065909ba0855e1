import { redirect } from 'next/navigation';
import { getCurrentViewer } from '@/server/auth/current-viewer';
import { AppProviders } from '../_components/app-providers';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await getCurrentViewer()) redirect('/inbox');
  return (
    <AppProviders>
      <LoginForm />
    </AppProviders>
  );
}
