import { z } from 'zod';
import * as auth from '../auth/auth.service.js';
import { findTenant } from '../tenancy/organisation.repository.js';
import { publicProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { noInput, plainText } from './input-schemas.js';

export const authRouter = router({
  /** E-mail and password for a bearer token that expires. No cookie is set. */
  signIn: publicProcedure
    .input(z.strictObject({ email: plainText(254).trim().min(3), password: plainText(200).min(1) }))
    .mutation(({ ctx, input }) =>
      auth.signIn(ctx.db, input, { ttlMinutes: ctx.config.sessionTtlMinutes, now: ctx.now() }),
    ),

  /** Revokes the token used for this call. */
  signOut: staffProcedure.input(noInput).mutation(async ({ ctx }) => {
    await auth.signOut(ctx.db, ctx.user, ctx.now());
    return { signedOut: true as const };
  }),

  /** Who the token belongs to, and the zone of their Ambito: staff widgets show every time in it, whatever the browser's. */
  me: staffProcedure.input(noInput).query(async ({ ctx }) => ({
    id: ctx.user.userId,
    email: ctx.user.email,
    displayName: ctx.user.displayName,
    role: ctx.user.role,
    tenantId: ctx.user.tenantId,
    organisationId: ctx.user.organisationId,
    timeZone: (await findTenant(ctx.db, ctx.user.tenantId))!.timeZone,
  })),
});
