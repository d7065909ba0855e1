import { MacrosAdmin } from './macros-admin';

// Every agent keeps their own macros here; leads and admins also the shared ones (checked on the server).
export default function MacrosPage() {
  return (
    <main className="h-full overflow-y-auto p-3 sm:p-6">
      <MacrosAdmin />
    </main>
  );
}
