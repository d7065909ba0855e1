import { router, createCallerFactory } from './trpc';
import { authRouter } from './routers/auth';
import { ticketsRouter } from './routers/tickets';
import { customersRouter } from './routers/customers';
import { directoryRouter } from './routers/directory';
import { adminRouter } from './routers/admin';
import { inboxesRouter } from './routers/inboxes';
import { formsRouter } from './routers/forms';
import { chatWidgetsRouter } from './routers/chat-widgets';
import { calendarsRouter } from './routers/calendars';
import { slaPoliciesRouter } from './routers/sla-policies';
import { notificationsRouter } from './routers/notifications';
import { whatsappRouter } from './routers/whatsapp';
import { telegramRouter } from './routers/telegram';
import { messengerRouter } from './routers/messenger';
import { surveyPoliciesRouter } from './routers/survey-policies';
import { dashboardRouter } from './routers/dashboard';
import { macrosRouter } from './routers/macros';
import { viewsRouter } from './routers/views';

export const appRouter = router({
  auth: authRouter,
  tickets: ticketsRouter,
  customers: customersRouter,
  directory: directoryRouter,
  admin: adminRouter,
  inboxes: inboxesRouter,
  forms: formsRouter,
  chatWidgets: chatWidgetsRouter,
  calendars: calendarsRouter,
  slaPolicies: slaPoliciesRouter,
  notifications: notificationsRouter,
  whatsapp: whatsappRouter,
  telegram: telegramRouter,
  messenger: messengerRouter,
  surveyPolicies: surveyPoliciesRouter,
  dashboard: dashboardRouter,
  macros: macrosRouter,
  views: viewsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
