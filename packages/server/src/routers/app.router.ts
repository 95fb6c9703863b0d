import { router } from '../trpc/trpc.js';
import { authRouter } from './auth.router.js';
import { formsRouter } from './forms.router.js';
import { organisationsRouter } from './organisations.router.js';
import { submissionsRouter } from './submissions.router.js';

/** The whole API, as a table of contents. */
export const appRouter = router({
  auth: authRouter,
  forms: formsRouter,
  organisations: organisationsRouter,
  submissions: submissionsRouter,
});

export type AppRouter = typeof appRouter;
