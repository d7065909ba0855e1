import type { Db } from '@/db/client';
import { findSurveyPolicy } from '@/db/queries/surveys';
import { defaultSurveyPolicy } from '@/lib/surveys/survey-policy';
import { saveSurveyPolicy } from './survey-policies';

/** The demo's survey policies: CES right after a chat, CSAT a day after anything else (in business hours, with reasons to pick). */
export function seedDemoSurveyPolicies(db: Db, now: number) {
  const ces = defaultSurveyPolicy('ces', 'Aufwand im Chat');
  const chat = saveSurveyPolicy(db, null, { ...ces, delayMinutes: 0, businessHours: false, conditions: { ...ces.conditions, channels: ['chat'] } }, now).id;
  const csat = defaultSurveyPolicy('csat', 'Zufriedenheit nach Lösung');
  const reasons = [
    { key: 'slow', en: 'It took too long', de: 'Es hat zu lange gedauert' },
    { key: 'unsolved', en: 'My problem is not solved', de: 'Mein Problem ist nicht gelöst' },
    { key: 'unfriendly', en: 'The answer was unfriendly', de: 'Die Antwort war unfreundlich' },
  ];
  const other = saveSurveyPolicy(db, null, { ...csat, question: { ...csat.question, reasons } }, now).id;
  return { chat: findSurveyPolicy(db, chat)!, other: findSurveyPolicy(db, other)! };
}
