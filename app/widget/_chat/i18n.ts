import { catalogs, type Messages } from '@/lib/i18n';
import type { WidgetLocale } from '@/lib/widget-events';

// The widget reads the app's catalogs (one source of texts, en/de parity checked) but formats with a
// few lines instead of use-intl: its texts only use simple {placeholders}, and the chat must stay small.
export type Texts = Messages['widget'] & { errors: Messages['publicForm']['errors'] };

export function textsFor(locale: WidgetLocale): Texts {
  return { ...catalogs[locale].widget, errors: catalogs[locale].publicForm.errors };
}

export { fill } from '@/lib/i18n/fill';
