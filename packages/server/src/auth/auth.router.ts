import { z } from 'zod';
import * as auth from './auth.service.js';
import { publicProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { noInput, plainText } from '../trpc/input-schemas.js';

export const authRouter = router({
  /** E-mail and password for a bearer token that expires. No cookie is set. */
  signIn: publicProcedure
    .input(z.strictObject({ email: plainText(254).trim().min(3), password: plainText(200).min(1) }))
    .mutation(({ ctx, input }) => auth.signIn(ctx.call, input)),

  /** Revokes the token used for this call. */
  signOut: staffProcedure.input(noInput).mutation(({ ctx }) => auth.signOut(ctx.call)),

  /** Who the token belongs to, and the zone of their Ambito: staff widgets show every time in it, whatever the browser's. */
  me: staffProcedure.input(noInput).query(({ ctx }) => auth.me(ctx.call)),
});
