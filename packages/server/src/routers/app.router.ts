import { router } from '../trpc/trpc.js';
import { authRouter } from './auth.router.js';
import { availabilityRouter } from './availability.router.js';
import { budgetsRouter } from './budgets.router.js';
import { calendarFeedsRouter } from './calendar-feeds.router.js';
import { coordinationRouter } from './coordination.router.js';
import { formsRouter } from './forms.router.js';
import { mediatorsRouter } from './mediators.router.js';
import { organisationsRouter } from './organisations.router.js';
import { reportsRouter } from './reports.router.js';
import { requestsRouter } from './requests.router.js';
import { schedulingRouter } from './scheduling.router.js';
import { submissionsRouter } from './submissions.router.js';

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
});

export type AppRouter = typeof appRouter;
