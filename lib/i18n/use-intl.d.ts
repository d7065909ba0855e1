import type { Messages } from './en';
import type { Locale } from '../domain';

// Type-checked message keys in useTranslations('...') across the app.
declare module 'use-intl' {
  interface AppConfig {
    Messages: Messages;
    Locale: Locale;
  }
}
