'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { ChannelSettingsPage } from '../channel-picker';
import { WhatsappForm } from './whatsapp-form';

/** Settings → WhatsApp: the connected numbers, one form each, and a new one. */
export function WhatsappAdmin() {
  const t = useTranslations('whatsappAdmin');
  const trpc = useTRPC();
  const list = useQuery(trpc.whatsapp.list.queryOptions());
  return (
    <ChannelSettingsPage
      title={t('title')}
      intro={t('intro')}
      items={list.data}
      detail={(c) => c.phoneNumberId}
      newLabel={t('new')}
      form={(current, onSaved) => <WhatsappForm channel={current} onSaved={onSaved} />}
    />
  );
}
