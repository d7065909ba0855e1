import type { z } from 'zod';

/** The defaults an object schema declares, field by field (fields without one are left out): what a new record's form starts with. */
export function defaultsOf<S extends z.ZodObject>(schema: S): Partial<z.output<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Partial<z.output<S>>;
}
