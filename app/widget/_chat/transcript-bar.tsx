/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { ChatClient } from './chat-client';
import { fill, type Texts } from './i18n';

/** "Email me this conversation": asks for an address only when we have none for the visitor. */
export function TranscriptBar({ client, t }: { client: ChatClient; t: Texts }) {
  const [state, setState] = useState<{ step: 'idle' | 'ask' | 'busy' } | { step: 'done'; to: string } | { step: 'error'; message: string }>({ step: 'idle' });
  const [email, setEmail] = useState('');
  const request = async (address?: string) => {
    setState({ step: 'busy' });
    const res = await client.transcript(address);
    if (res.ok) setState({ step: 'done', to: res.to });
    else if (res.key === 'email_needed') setState({ step: 'ask' });
    else setState({ step: 'error', message: res.message === 'offline' ? t.reconnecting : res.message });
  };
  if (state.step === 'done')
    return (
      <p class="transcript" role="status">
        {fill(t.transcriptSent, { email: state.to })}
      </p>
    );
  if (state.step === 'ask') {
    return (
      <form
        class="transcript"
        onSubmit={(e) => {
          e.preventDefault();
          void request(email);
        }}
      >
        <label for="transcript-email">{t.transcriptEmail}</label>
        <input id="transcript-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <button type="submit" class="link">
          {t.send}
        </button>
      </form>
    );
  }
  return (
    <p class="transcript">
      <button type="button" class="link" disabled={state.step === 'busy'} onClick={() => void request()}>
        {t.transcript}
      </button>
      {state.step === 'error' && <span class="error"> {state.message}</span>}
    </p>
  );
}
