/** Fills simple `{placeholder}`s: for texts formatted without use-intl (the widget, server-side messages). */
export function fill(template: string, values: Record<string, string | number>) {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
