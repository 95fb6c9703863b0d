import { z } from 'zod';
import { findOrganisation, listOrganisations } from '../tenancy/organisation.repository.js';
import { DomainError } from '../domain-error.js';
import { router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';
import { idInput, noInput } from './input-schemas.js';

export const organisationsRouter = router({
  /**
   * The organisation behind the caller's publishable key (or staff member):
   * what a widget prefills, such as the school and its plessi.
   */
  current: submitterProcedure.input(noInput).query(async ({ ctx }) => {
    const id = ctx.submitter.organisationId;
    if (!id) return null;
    const org = await findOrganisation(ctx.db, ctx.submitter.tenantId, id);
    if (!org) return null;
    // What a public widget needs to prefill, nothing of the tenant behind it.
    return { id: org.id, kind: org.kind, name: org.name, mechanographicCode: org.mechanographicCode, sites: org.sites };
  }),

  /** The organisations of the caller's tenant. */
  list: staffProcedure.input(noInput).query(({ ctx }) => listOrganisations(ctx.db, ctx.user.tenantId)),

  get: staffProcedure.input(z.strictObject({ id: idInput })).query(async ({ ctx, input }) => {
    const org = await findOrganisation(ctx.db, ctx.user.tenantId, input.id);
    if (!org) throw new DomainError('NOT_FOUND', 'organisationUnknown');
    return org;
  }),
});
