import { z } from 'zod';
import * as feeds from './feed.service.js';
import { roleProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { idInput, noInput } from '../trpc/input-schemas.js';

export const calendarFeedsRouter = router({
  /** Feeds the caller may manage, without their secret URLs. */
  list: staffProcedure.input(noInput).query(({ ctx }) => feeds.list(ctx.call)),

  /**
   * A new secret URL for a mediator's or an organisation's calendar; the previous one stops working. Shown once.
   * A mediator may leave out `ownerId` for their own (nothing else tells them their mediator id).
   */
  rotate: roleProcedure('coordinator', 'admin', 'mediator', 'requester')
    .input(z.strictObject({ ownerKind: z.enum(['mediator', 'organisation']), ownerId: idInput.optional() }))
    .mutation(({ ctx, input }) => feeds.rotate(ctx.call, input)),

  revoke: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => feeds.revoke(ctx.call, input)),
});
