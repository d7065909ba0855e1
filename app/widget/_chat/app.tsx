/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '@/lib/forms/form-definition';
import type { WidgetFile, WidgetLocale } from '@/lib/widget-events';
import type { ChatClient, ChatState } from './chat-client';
import { fill, type Texts } from './i18n';
import { MessageList } from './message-list';
import { PrechatFields, prechatErrors } from './prechat-form';
import { chatMessageField } from '@/lib/forms/chat-message-field';
import { PaperclipIcon } from './paperclip-icon';
import { TranscriptBar } from './transcript-bar';
import { AvailabilityStatus } from './availability-status';
import { ContactBar } from './contact-bar';
import { SurveyCard } from './survey-card';

type Props = {
  client: ChatClient;
  state: ChatState;
  locale: WidgetLocale;
  t: Texts;
  /** Grows each time the chat is opened: focus then moves to the first field to fill. */
  focusRequest: number;
  onClose: () => void;
};

export function App({ client, state, locale, t, focusRequest, onClose }: Props) {
  const session = state.session;
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [localErrors, setLocalErrors] = useState<ReturnType<typeof prechatErrors> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // An address given in the pre-chat form counts as left for replies.
  const [prechatEmail, setPrechatEmail] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const appearance = session?.appearance;

  useEffect(() => {
    if (appearance) document.documentElement.style.setProperty('--brand', appearance.color);
  }, [appearance]);
  // Opened before the session arrived, the fields appear later: focus them then.
  const connected = session !== null;
  useEffect(() => {
    if (focusRequest > 0) document.querySelector<HTMLElement>('.fields :is(input, select, textarea), .composer textarea')?.focus();
  }, [focusRequest, connected]);

  if (!session) return <div class="shell loading">{state.connection === 'refused' ? t.unavailable : t.connecting}</div>;

  // A new conversation starts with the pre-chat form; an open one goes straight to the chat.
  const needsPrechat = !state.conversation || state.conversation.status === 'ended';
  const ended = state.conversation?.status === 'ended';
  const greeting = (locale === 'de' && appearance!.greeting.de) || appearance!.greeting.en;
  const errors = localErrors ?? state.fieldErrors;

  const stopTyping = () => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    client.typing(false);
  };
  const onType = (value: string) => {
    setText(value);
    if (!typingTimer.current) client.typing(true);
    else clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, 2_000);
  };

  const submit = (file?: WidgetFile) => {
    const body = text.trim();
    if (!body && !file) return;
    if (body.length > appearance!.maxMessageLength) return setNotice(fill(t.tooLong, { max: appearance!.maxMessageLength }));
    setNotice(null);
    if (needsPrechat && session.prechat) {
      const problems = prechatErrors(session.prechat, answers, session.prefill, body);
      // The message field is the chat box: its problem (too long for the form) is said above the box.
      const messageKey = chatMessageField(session.prechat.fields);
      const boxProblem = problems.find((p) => p.field === messageKey);
      if (boxProblem) return setNotice(fill(t.errors[boxProblem.code], { limit: boxProblem.limit ?? '' }));
      if (problems.length) return setLocalErrors(problems);
      setLocalErrors(null);
      // A first message refused for its answers is replaced by this corrected one.
      for (const p of state.pending) if (p.error) client.discard(p.clientId);
      client.send(body, { prechat: answers, file });
      const emailField = session.prechat.fields.find((f) => f.type === 'email' && typeof answers[f.key] === 'string' && answers[f.key]);
      if (emailField) setPrechatEmail(String(answers[emailField.key]));
    } else client.send(body, { file });
    setText('');
    stopTyping();
  };

  const attach = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    if (f.size > appearance!.maxFileMb * 1024 * 1024) return setNotice(fill(t.tooLarge, { mb: appearance!.maxFileMb }));
    submit({ name: f.name, type: f.type, data: await f.arrayBuffer() });
  };

  return (
    <div class="shell">
      <header>
        <div>
          <h1>{t.title}</h1>
          <AvailabilityStatus availability={state.availability} expectedReplyMinutes={appearance!.expectedReplyMinutes} locale={locale} t={t} />
        </div>
        <button type="button" class="close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {state.conversation && <TranscriptBar client={client} t={t} />}
      {state.connection === 'offline' && (
        <p class="banner" role="status" data-testid="widget-offline">
          {t.reconnecting}
        </p>
      )}
      <main>
        <p class="greeting">{greeting}</p>
        <MessageList
          messages={state.messages}
          pending={state.pending}
          agentReadUpTo={state.agentReadUpTo}
          agentTyping={state.agentTyping}
          offline={state.connection === 'offline'}
          locale={locale}
          t={t}
          onRetry={(id) => client.retry(id)}
        />
        {ended && state.pending.length === 0 && <p class="banner ended">{t.ended}</p>}
        {state.survey && state.survey.ticketId === state.conversation?.ticketId && (
          <SurveyCard key={state.survey.requestId} survey={state.survey} client={client} locale={locale} t={t} />
        )}
        {state.conversation?.status === 'open' && !(state.availability.open && state.availability.agentsOnline > 0) && (
          <ContactBar client={client} email={session.contactEmail ?? prechatEmail} t={t} />
        )}
        {needsPrechat && session.prechat && (
          <PrechatFields
            form={session.prechat}
            prefill={session.prefill}
            answers={answers}
            errors={errors}
            locale={locale}
            t={t}
            onChange={(k, v) => {
              const next = { ...answers, [k]: v };
              setAnswers(next);
              // A field's error goes once it is put right; the others stay until the next send.
              if (errors.some((e) => e.field === k))
                setLocalErrors([
                  ...errors.filter((e) => e.field !== k),
                  ...prechatErrors(session.prechat!, next, session.prefill).filter((e) => e.field === k),
                ]);
            }}
          />
        )}
      </main>
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {notice && (
          <p class="error" role="alert">
            {notice}
          </p>
        )}
        <textarea
          aria-label={t.placeholder}
          placeholder={ended ? t.newConversation : needsPrechat ? t.start : t.placeholder}
          rows={2}
          value={text}
          onInput={(e) => onType(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <div class="actions">
          <button type="button" class="icon" aria-label={t.attach} onClick={() => fileInput.current?.click()}>
            <PaperclipIcon />
          </button>
          <input ref={fileInput} type="file" hidden onChange={(e) => void attach(e.currentTarget)} />
          <button type="submit" class="send">
            {t.send}
          </button>
        </div>
      </form>
    </div>
  );
}
