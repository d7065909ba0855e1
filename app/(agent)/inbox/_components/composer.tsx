'use client';

import type { ReplyInput } from '@/server/tickets/reply-to-ticket';
import type { ForwardInput } from '@/server/tickets/forward-ticket';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '@/app/_components/error-text';
import { useFormatter, useTranslations } from 'use-intl';
import type { ChannelKind, TicketStatus } from '@/lib/domain';
import type { ReplyOptions } from '@/server/channels/channel-adapter';
import { useReplyWindow } from '@/app/_components/reply-window-badge';
import { useDuration } from '@/app/_components/sla-badge';
import { TemplatePicker } from './template-picker';
import { useTRPC, useTRPCClient } from '@/app/_components/trpc';
import { useUndo } from '@/app/_components/undo-toast';
import { SendMenu } from './send-menu';
import { useRealtime } from '@/app/_components/realtime';
import type { ComposerMode } from './inbox-app';
import { MessageSquareText, Paperclip, X } from 'lucide-react';
import { MacroPicker, type AppliedMacro } from './macro-picker';
import { MentionOptions, useMentionSuggestions } from './use-mention-suggestions';
import { useAttachmentUploads } from './use-attachment-uploads';
import { AddressField, notAnAddress, ReplyRecipients, splitAddresses } from './mail-recipients';
import { FormatToolbar, formatKey, type FormatEdit } from './format-toolbar';
import { ComposerTabs } from './composer-tabs';

const SEND_AS: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];
export const COMPOSER_ID = 'composer-body';

const draftKey = (ticketId: number, mode: ComposerMode) => `draft:${ticketId}:${mode}`;
const readDraft = (ticketId: number, mode: ComposerMode) => (typeof window === 'undefined' ? '' : (sessionStorage.getItem(draftKey(ticketId, mode)) ?? ''));
const RESTORE_EVENT = 'composer:restore';

/** A reply taken back becomes the ticket's reply draft again (before what was typed since), open or not. */
function restoreDraft(ticketId: number, body: string) {
  const now = readDraft(ticketId, 'reply');
  const text = now.trim() ? `${body}\n\n${now}` : body;
  sessionStorage.setItem(draftKey(ticketId, 'reply'), text);
  window.dispatchEvent(new CustomEvent(RESTORE_EVENT, { detail: { ticketId, text } }));
}

/** A messenger ticket's reply window: when the customer last wrote, and the channel's warning and templates. */
type ReplyWindowProps = { kind: ChannelKind; lastCustomerMessageAt: number | null; options: ReplyOptions | null };
type Props = {
  ticketId: number;
  status: TicketStatus;
  mode: ComposerMode;
  onMode: (m: ComposerMode) => void;
  /** Opens the next ticket in the list: after a send when "then next ticket" is on, or on Ctrl+Shift+Enter. */
  onNext?: () => void;
  live?: boolean;
  replyWindow?: ReplyWindowProps;
  /** Who a mail reply goes to (null: not answered by mail), and whether the ticket can be forwarded by mail. */
  mail?: { reply: { to: { address: string; name?: string }[]; cc: { address: string; name?: string }[] } | null; canForward: boolean };
};
type SendInput = { reply: ReplyInput } | { forward: ForwardInput };
const NEXT_KEY = 'composer:next';

/**
 * Public reply or internal note; drafts survive switching tickets (kept per ticket and mode in session
 * storage). The mode lives in the inbox, so the `r`/`n` shortcut switches it in the same key event that focuses the
 * textarea: the next keystroke can never land in the other mode's draft.
 */
export function Composer({ ticketId, status, mode, onMode, onNext, live = false, replyWindow, mail }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const duration = useDuration('short');
  // Hooks run on every channel: on one without a reply window (email stands in) this is null.
  const messengerWindow = useReplyWindow(
    replyWindow?.kind ?? 'email',
    replyWindow?.lastCustomerMessageAt ?? null,
    replyWindow?.options?.windowWarningMs ?? null,
    replyWindow?.options?.windowMs,
  );
  const errorText = useErrorText();
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const { socket, connected } = useRealtime();
  // One draft per mode, read once per ticket (the component is keyed by ticket), so switching modes
  // never races with what is being typed.
  const [drafts, setDrafts] = useState(() => ({
    reply: readDraft(ticketId, 'reply'),
    note: readDraft(ticketId, 'note'),
    forward: readDraft(ticketId, 'forward'),
  }));
  // Mail replies: the copies as the agent edits them (null: reply-all as the thread had them). Forwards: to whom.
  const [copies, setCopies] = useState<{ cc: string; bcc: string } | null>(null);
  const [forwardTo, setForwardTo] = useState('');
  const modes: ComposerMode[] = mail?.canForward ? ['reply', 'note', 'forward'] : ['reply', 'note'];
  const body = drafts[mode];
  // One key per reply the agent means to send: pressing Send again after a timeout re-sends the same
  // reply, which the server stores once. Editing the text (or a successful send) starts a new one.
  const sendKey = useRef<string | null>(null);
  const setBody = (value: string) => {
    sendKey.current = null;
    setDrafts((d) => ({ ...d, [mode]: value }));
    if (value) sessionStorage.setItem(draftKey(ticketId, mode), value);
    else sessionStorage.removeItem(draftKey(ticketId, mode));
  };
  useEffect(() => {
    const onRestore = (e: Event) => {
      const d = (e as CustomEvent<{ ticketId: number; text: string }>).detail;
      if (d.ticketId !== ticketId) return;
      setDrafts((x) => ({ ...x, reply: d.text }));
      onMode('reply');
    };
    window.addEventListener(RESTORE_EVENT, onRestore);
    return () => window.removeEventListener(RESTORE_EVENT, onRestore);
  }, [ticketId, onMode]);
  const offerUndo = useUndo();
  // The agent's choice, kept on this device: working a queue, each send moves on to the next ticket.
  const [andNext, setAndNext] = useState(() => typeof window !== 'undefined' && localStorage.getItem(NEXT_KEY) === '1');
  const nextAfterSend = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const uploads = useAttachmentUploads(t('composer.uploadFailed'));
  const fileInput = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [caret, setCaret] = useState(0);
  const mentions = useMentionSuggestions({
    enabled: mode === 'note',
    text: body,
    caret,
    onInsert: (text, at) => {
      setBody(text);
      setCaret(at);
      requestAnimationFrame(() => textarea.current?.setSelectionRange(at, at));
    },
  });
  // A macro's status goes with the reply it inserted: the primary button sends and sets it.
  const [macroStatus, setMacroStatus] = useState<TicketStatus | null>(null);
  const closePicker = () => {
    setPickerOpen(false);
    textarea.current?.focus();
  };
  const refreshTicket = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
  };
  const onMacro = (m: AppliedMacro) => {
    if (m.text) setBody(body.trim() ? `${body.trimEnd()}\n\n${m.text}` : m.text);
    setMacroStatus(m.sendStatus);
    closePicker();
    refreshTicket();
    // Its property changes can be taken back like an assignment (the text stays in the box to delete).
    const undo = m.undo;
    if (undo)
      offerUndo({
        message: t('undo.macro', { name: m.name }),
        undo: async () => {
          await trpcClient.tickets.update.mutate({ id: ticketId, ...undo });
          setMacroStatus(null);
          refreshTicket();
        },
      });
  };

  // A formatting button or key: the edit applies to the text box's selection, which stays selected after.
  const applyFormat = (edit: FormatEdit) => {
    const el = textarea.current;
    if (!el) return;
    const r = edit({ text: body, start: el.selectionStart, end: el.selectionEnd });
    setBody(r.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(r.start, r.end);
    });
  };

  const stopTyping = () => {
    clearTimeout(typingTimer.current);
    typingTimer.current = undefined;
    socket?.emit('typing', { ticketId, typing: false });
  };
  useEffect(() => () => stopTyping(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const reply = useMutation({
    // Chats go over the open socket (acked after the commit), the shortest way to the visitor's widget.
    mutationFn: async (send: SendInput) => {
      if ('forward' in send) return trpcClient.tickets.forward.mutate(send.forward);
      const input = send.reply;
      if (!live || !socket || !connected) return trpcClient.tickets.reply.mutate(input);
      const res = await socket.timeout(15_000).emitWithAck('reply', input);
      if (!res.ok) throw Object.assign(new Error(res.message), { data: res.data });
      return res;
    },
    onSuccess: (res) => {
      setBody('');
      setMacroStatus(null);
      setCopies(null);
      setForwardTo('');
      uploads.clear();
      const pending = 'pending' in res ? res.pending : null;
      // An email or messenger reply waits out the undo window on the server; taken back, its text returns.
      if (pending)
        offerUndo({
          message: t('undo.sending'),
          until: pending.sendAt,
          ms: Math.max(0, pending.sendAt - Date.now()),
          undo: async () => {
            const back = await trpcClient.tickets.undoSend.mutate({ id: pending.id });
            restoreDraft(back.ticketId, back.body);
          },
        });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.get.queryKey({ id: ticketId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
      if (nextAfterSend.current) onNext?.();
    },
  });
  const isForward = mode === 'forward';
  const addressesOk = isForward
    ? splitAddresses(forwardTo).length > 0 && notAnAddress(forwardTo) === null
    : copies === null || (notAnAddress(copies.cc) === null && notAnAddress(copies.bcc) === null);
  // A forward carries the conversation, so its own text may be empty.
  const canSend = (isForward || body.trim() !== '' || uploads.files.length > 0) && addressesOk && !uploads.uploading && !reply.isPending;
  const send = (nextStatus?: TicketStatus, next = andNext) => {
    if (!canSend) return;
    stopTyping();
    // Only once it went through: a refused send stays here with its error.
    nextAfterSend.current = next;
    sendKey.current ??= crypto.randomUUID();
    const attachments = uploads.files.map((f) => f.token);
    if (isForward) return reply.mutate({ forward: { ticketId, to: splitAddresses(forwardTo), body, attachments, clientId: sendKey.current } });
    reply.mutate({
      reply: {
        ticketId,
        body,
        internal: mode === 'note',
        status: nextStatus ?? macroStatus ?? undefined,
        attachments,
        clientId: sendKey.current,
        ...(copies && mode === 'reply' ? { cc: splitAddresses(copies.cc), bcc: splitAddresses(copies.bcc) } : {}),
      },
    });
  };

  const isNote = mode === 'note';
  // Past a messenger's reply window only an approved template may go out; notes stay possible.
  const windowClosed = mode === 'reply' && messengerWindow !== null && !messengerWindow.open;
  const channelName = replyWindow ? t(`channel.${replyWindow.kind}`) : '';
  return (
    <form
      className={`border-t px-4 py-2 ${isNote ? 'border-amber-200 bg-amber-50' : 'border-slate-200 bg-white'}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <ComposerTabs modes={modes} mode={mode} onMode={onMode} />
      {windowClosed ? (
        <div className="space-y-2 py-1" data-testid="reply-window-closed">
          {replyWindow?.kind === 'whatsapp' ? (
            <>
              <p className="text-sm text-slate-700">
                {t('replyWindow.closedComposer', {
                  channel: channelName,
                  at: format.dateTime(messengerWindow.closesAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </p>
              <TemplatePicker ticketId={ticketId} templates={replyWindow.options?.templates ?? []} />
            </>
          ) : (
            <p className="text-sm text-slate-700">
              {t('replyWindow.closedNoTemplates', {
                channel: channelName,
                at: format.dateTime(messengerWindow.closesAt, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </p>
          )}
        </div>
      ) : (
        editor()
      )}
    </form>
  );

  // Called, not rendered as a component: a component defined in here would remount the textarea on every keystroke.
  function editor() {
    return (
      <>
        {mode === 'reply' && messengerWindow?.warning && (
          <p className="mb-1 text-xs font-medium text-amber-800" data-testid="reply-window-warning">
            {t('replyWindow.left', { time: duration(messengerWindow.leftMs) })}
          </p>
        )}
        {mode === 'reply' && mail?.reply && <ReplyRecipients to={mail.reply.to} cc={mail.reply.cc} edit={copies} onEdit={setCopies} />}
        {isForward && (
          <div className="mb-1 space-y-1">
            <AddressField label={t('composer.to')} value={forwardTo} onChange={setForwardTo} required />
            <p className="text-[11px] text-slate-600">{t('composer.forwardHint')}</p>
          </div>
        )}
        <label className="sr-only" htmlFor={COMPOSER_ID}>
          {t(`composer.${mode}`)}
        </label>
        <div className="relative">
          {pickerOpen && <MacroPicker ticketId={ticketId} onApplied={onMacro} onClose={closePicker} />}
          <MentionOptions mentions={mentions} label={t('composer.mention')} />
        </div>
        <textarea
          ref={textarea}
          id={COMPOSER_ID}
          rows={4}
          value={body}
          placeholder={t(isNote ? 'composer.notePlaceholder' : isForward ? 'composer.forwardPlaceholder' : 'composer.replyPlaceholder')}
          className="w-full resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onChange={(e) => {
            setBody(e.target.value);
            setCaret(e.target.selectionStart);
            if (!typingTimer.current) socket?.emit('typing', { ticketId, typing: true });
            clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(stopTyping, 3000);
          }}
          onKeyDown={(e) => {
            if (mentions.onKeyDown(e)) return;
            const format = formatKey(e);
            if (format) {
              e.preventDefault();
              return applyFormat(format);
            }
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send(undefined, andNext || e.shiftKey);
            }
            if (e.key === 'Escape') e.currentTarget.blur();
            // "/" in an empty box opens the macros; anywhere else it is a slash.
            if (e.key === '/' && body === '' && !e.ctrlKey && !e.metaKey && !e.altKey) {
              e.preventDefault();
              setPickerOpen(true);
            }
          }}
        />
        {(uploads.files.length > 0 || uploads.uploading) && (
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={t('composer.attachments')}>
            {uploads.files.map((f) => (
              <li
                key={f.token}
                className="flex items-center gap-1 rounded border border-slate-200 bg-slate-50 py-0.5 pr-1 pl-2 text-xs"
                data-testid="composer-file"
              >
                <Paperclip className="size-3 text-slate-500" aria-hidden />
                {f.filename}
                <button
                  type="button"
                  aria-label={t('composer.removeFile', { name: f.filename })}
                  onClick={() => uploads.remove(f.token)}
                  className="rounded p-0.5 text-slate-500 hover:bg-slate-200"
                >
                  <X className="size-3" aria-hidden />
                </button>
              </li>
            ))}
            {uploads.uploading && <li className="py-0.5 text-xs text-slate-500">{t('composer.uploading')}</li>}
          </ul>
        )}
        <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1">
          <input ref={fileInput} type="file" multiple hidden onChange={(e) => (void uploads.add(e.target.files ?? []), (e.target.value = ''))} />
          <button
            type="button"
            aria-label={t('composer.attach')}
            title={t('composer.attach')}
            onClick={() => fileInput.current?.click()}
            className="rounded p-1 text-slate-500 hover:bg-slate-100"
          >
            <Paperclip className="size-4" aria-hidden />
          </button>
          <button
            type="button"
            aria-haspopup="dialog"
            aria-expanded={pickerOpen}
            onClick={() => (pickerOpen ? closePicker() : setPickerOpen(true))}
            className="flex items-center gap-1 rounded p-1 text-xs text-slate-600 hover:bg-slate-100"
          >
            <MessageSquareText className="size-4" aria-hidden />
            <span className="sr-only sm:not-sr-only">{t('macros.pickerButton')}</span>
          </button>
          <FormatToolbar onEdit={applyFormat} />
          {macroStatus ? (
            <span className="flex items-center gap-1 text-[11px] text-slate-600" data-testid="macro-status">
              {t('macros.sendStatus', { status: t(`status.${macroStatus}`) })}
              <button type="button" onClick={() => setMacroStatus(null)} className="rounded px-1 text-brand-700 hover:underline">
                {t('macros.keepStatus')}
              </button>
            </span>
          ) : (
            <span className="hidden text-[11px] text-slate-500 xl:inline">{t('composer.hint')}</span>
          )}
          {(reply.error ?? uploads.error) && (
            <span role="alert" className="text-xs text-red-700">
              {(reply.error ? errorText(reply.error) : undefined) ?? uploads.error}
            </span>
          )}
          <div className="ml-auto flex items-center gap-1">
            {onNext && (
              <label className="mr-1 flex items-center gap-1 text-[11px] text-slate-600" title={t('composer.nextHint')}>
                <input
                  type="checkbox"
                  checked={andNext}
                  onChange={(e) => {
                    setAndNext(e.target.checked);
                    localStorage.setItem(NEXT_KEY, e.target.checked ? '1' : '0');
                  }}
                />
                {t('composer.next')}
              </label>
            )}
            {mode === 'reply' && <SendMenu statuses={SEND_AS.filter((s) => s !== status)} disabled={!canSend} onSend={send} />}
            <button
              type="submit"
              disabled={!canSend}
              className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${isNote ? 'bg-amber-600 hover:bg-amber-700' : 'bg-brand-600 hover:bg-brand-700'}`}
            >
              {reply.isPending
                ? t('composer.sending')
                : isForward
                  ? t('composer.forwardSend')
                  : isNote
                    ? t('composer.addNote')
                    : macroStatus && macroStatus !== status
                      ? t('composer.sendAs', { status: t(`status.${macroStatus}`) })
                      : t('composer.send')}
            </button>
          </div>
        </div>
      </>
    );
  }
}
