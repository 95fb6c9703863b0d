import { z } from 'zod';
import { suggestMediators } from './matching.js';
import { roleProcedure, router } from '../trpc/trpc.js';
import { idInput } from '../trpc/input-schemas.js';

export const coordinationRouter = router({
  /**
   * The tenant's active mediators who speak a request's language, best first,
   * each with its reasons and a scheduling.book input for its first free
   * proposed slot. Coordinators and admins for A.1 and A.3; clinicians for
   * A.5, whose content nobody else may read (audited).
   */
  suggestMediators: roleProcedure('coordinator', 'admin', 'clinician')
    .input(z.strictObject({ requestId: idInput }))
    .query(({ ctx, input }) => suggestMediators(ctx.call, input)),
});
