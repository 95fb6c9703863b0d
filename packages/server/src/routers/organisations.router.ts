import { z } from 'zod';
import { findOrganisation, listOrganisations } from '../tenancy/organisation.repository.js';
import { DomainError } from '../trpc/errors.js';
import { router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';

export const organisationsRouter = router({
  /**
   * The organisation behind the caller's publishable key (or staff member):
   * what a widget prefills, such as the school and its plessi.
   */
  current: submitterProcedure.query(async ({ ctx }) => {
    const id = ctx.submitter.organisationId;
    if (!id) return null;
    const org = await findOrganisation(ctx.db, ctx.submitter.tenantId, id);
    return org ?? null;
  }),

  /** The organisations of the caller's tenant. */
  list: staffProcedure.query(({ ctx }) => listOrganisations(ctx.db, ctx.user.tenantId)),

  get: staffProcedure.input(z.strictObject({ id: z.string().min(1).max(64) })).query(async ({ ctx, input }) => {
    const org = await findOrganisation(ctx.db, ctx.user.tenantId, input.id);
    if (!org) throw new DomainError('NOT_FOUND', 'organisationUnknown');
    return org;
  }),
});
