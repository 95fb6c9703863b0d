import { z } from 'zod';
import * as feeds from '../ical/feed.service.js';
import { roleProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { idInput, noInput } from './input-schemas.js';

export const calendarFeedsRouter = router({
  /** Feeds the caller may manage, without their secret URLs. */
  list: staffProcedure.input(noInput).query(({ ctx }) => feeds.list(ctx.db, ctx.user)),

  /**
   * A new secret URL for a mediator's or an organisation's calendar; the previous one stops working. Shown once.
   * A mediator may leave out `ownerId` for their own (nothing else tells them their mediator id).
   */
  rotate: roleProcedure('coordinator', 'admin', 'mediator', 'requester')
    .input(z.strictObject({ ownerKind: z.enum(['mediator', 'organisation']), ownerId: idInput.optional() }))
    .mutation(({ ctx, input }) => feeds.rotate(ctx.db, ctx.user, { kind: input.ownerKind, id: input.ownerId }, ctx.config.publicUrl, ctx.now())),

  revoke: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => feeds.revoke(ctx.db, ctx.user, input.id, ctx.now())),
});
