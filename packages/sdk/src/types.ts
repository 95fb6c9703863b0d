import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './server-types.js';

/** The input of every procedure: `PonteInputs['submissions']['submit']`. */
export type PonteInputs = inferRouterInputs<AppRouter>;

/** The result of every procedure: `PonteOutputs['submissions']['track']`. */
export type PonteOutputs = inferRouterOutputs<AppRouter>;

/** One entry of `forms.list`. */
export type PonteFormSummary = PonteOutputs['forms']['list'][number];

/** What `submissions.track` answers: status and dates, never content. */
export type PonteTracking = PonteOutputs['submissions']['track'];

/** What `auth.signIn` answers: the token, when it expires, who signed in. */
export type PonteSignIn = PonteOutputs['auth']['signIn'];

/** What `auth.me` answers. */
export type PonteUser = PonteOutputs['auth']['me'];
