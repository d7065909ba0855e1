'use client';

import { SaveDeleteBar } from '../save-delete-bar';

type Props = {
  /** The problems to fix before saving, in words; `testId` names the list for tests. */
  problems: { title: string; items: string[]; testId: string };
  /** A refusal that is not one of the problems (a conflict, a lost connection), in words. */
  error: string | null | undefined;
} & React.ComponentProps<typeof SaveDeleteBar>;

/**
 * A policy editor's form (SLA, surveys): checked as the admin types, so Save marks the draft as tried
 * (its problems show from then on) and sends it only when the browser found nothing to fix.
 */
export function PolicyForm(p: { label: string; problems: number; onTried: () => void; onSave: () => void; children: React.ReactNode }) {
  return (
    <form
      className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      aria-label={p.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        p.onTried();
        if (p.problems === 0) p.onSave();
      }}
    >
      {p.children}
    </form>
  );
}

/** The end of a policy editor: what to fix, what went wrong, save and delete. */
export function PolicyFormFooter({ problems, error, ...bar }: Props) {
  return (
    <>
      {problems.items.length > 0 && (
        <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={problems.testId}>
          {problems.title}
          <ul className="list-disc pl-5">
            {problems.items.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <SaveDeleteBar {...bar} />
    </>
  );
}
