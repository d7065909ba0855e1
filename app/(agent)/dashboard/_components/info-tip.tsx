'use client';

import { useId } from 'react';
import { Info } from 'lucide-react';

/** A definition shown on hover or keyboard focus, and read out as the button's description. */
export function InfoTip({ label, text }: { label: string; text: string }) {
  const id = useId();
  return (
    <span className="group relative inline-flex">
      <button type="button" aria-label={label} aria-describedby={id} className="rounded text-slate-500 hover:text-slate-800">
        <Info className="size-3.5" aria-hidden />
      </button>
      <span
        role="tooltip"
        id={id}
        className="invisible absolute top-5 left-0 z-20 w-64 rounded-md bg-slate-900 px-2.5 py-2 text-xs leading-snug font-normal text-white shadow-lg group-focus-within:visible group-hover:visible"
      >
        {text}
      </span>
    </span>
  );
}
