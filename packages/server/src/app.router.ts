import { router } from './trpc/trpc.js';
import { authRouter } from './auth/auth.router.js';
import { availabilityRouter } from './availability/availability.router.js';
import { budgetsRouter } from './budgets/budgets.router.js';
import { calendarFeedsRouter } from './calendar-feeds/calendar-feeds.router.js';
import { coordinationRouter } from './coordination/coordination.router.js';
import { formsRouter } from './forms/forms.router.js';
import { indicatorsRouter } from './indicators/indicators.router.js';
import { mediatorsRouter } from './mediators/mediators.router.js';
import { organisationsRouter } from './organisations/organisations.router.js';
import { reportsRouter } from './reports/reports.router.js';
import { requestsRouter } from './requests/requests.router.js';
import { schedulingRouter } from './scheduling/scheduling.router.js';
import { submissionsRouter } from './submissions/submissions.router.js';

/** The whole API, as a table of contents. */
export const appRouter = router({
  auth: authRouter,
  forms: formsRouter,
  organisations: organisationsRouter,
  submissions: submissionsRouter,
  requests: requestsRouter,
  reports: reportsRouter,
  mediators: mediatorsRouter,
  availability: availabilityRouter,
  scheduling: schedulingRouter,
  budgets: budgetsRouter,
  calendarFeeds: calendarFeedsRouter,
  coordination: coordinationRouter,
  indicators: indicatorsRouter,
});

export type AppRouter = typeof appRouter;
