'use client';

import { SaveDeleteBar } from './save-delete-bar';

type Props = {
  /** The problems to fix before saving, in words; `testId` names the list for tests. */
  problems: { title: string; items: string[]; testId: string };
  /** A refusal that is not one of the problems (a conflict, a lost connection), in words. */
  error: string | null | undefined;
} & React.ComponentProps<typeof SaveDeleteBar>;

/** The end of a policy editor (SLA, surveys): what to fix, what went wrong, save and delete. */
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
