/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { ChatClient } from './chat-client';
import { fill, type Texts } from './i18n';

/**
 * While nobody can answer live: asks where the reply may go (it goes there by email should the visitor
 * have left), or says where it will go when we know.
 */
export function ContactBar({ client, email, t }: { client: ChatClient; email: string | null; t: Texts }) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (email)
    return (
      <p class="contact" role="status" data-testid="widget-contact">
        {fill(t.contactKept, { email })}
      </p>
    );
  return (
    <form
      class="contact"
      data-testid="widget-contact"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const res = await client.contact(value);
        setBusy(false);
        setError(res.ok ? null : res.message === 'offline' ? t.reconnecting : res.message);
      }}
    >
      <label for="contact-email">{t.contactAsk}</label>
      <span class="row">
        <input id="contact-email" type="email" autocomplete="email" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="send" disabled={busy}>
          {t.contactSave}
        </button>
      </span>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
