import { REQUEST_URGENCIES } from '@ponte/forms';
import { z } from 'zod';
import { REQUEST_FORM_IDS, REQUEST_STATUSES, type RequestAction } from '../requests/lifecycle.js';
import * as requests from '../requests/request.service.js';
import type { Context } from '../trpc/context.js';
import type { Submitter } from '../auth/actor.js';
import { roleProcedure, router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';
import { idInput, plainText, trackingCodeInput } from './input-schemas.js';
import { languageInput } from './scheduling-inputs.js';

const statusInput = z.enum(REQUEST_STATUSES);
const reasonInput = plainText(1000).min(1);

function act(ctx: Context, who: Submitter, action: RequestAction, input: requests.ActionInput) {
  return requests.act(ctx.db, ctx.dialect, who, action, input, ctx.now());
}

/**
 * The lifecycle of requests (A.1, A.3, A.5): the queue, one request with its
 * history, and one procedure per move (requests/lifecycle.ts holds the
 * table of who may make which). Each move answers the request and its history.
 */
export const requestsRouter = router({
  /** Requests waiting longest first, without content: coordinators and admins all, clinicians the A.5 ones. */
  queue: roleProcedure('coordinator', 'admin', 'clinician')
    .input(
      z
        .strictObject({
          status: z.union([statusInput, z.array(statusInput).min(1).max(REQUEST_STATUSES.length)]).optional(),
          organisationId: idInput.optional(),
          language: languageInput.optional(),
          urgency: z.enum(REQUEST_URGENCIES).optional(),
          formId: z.enum(REQUEST_FORM_IDS as [string, ...string[]]).optional(),
          limit: z.number().int().min(1).max(100).default(50),
          cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional(),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => requests.queue(ctx.db, ctx.user, input)),

  /** One request: status, hours authorised, history with dates, appointments; its content by the visibility rules. */
  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => requests.get(ctx.db, ctx.user, input.id, ctx.now())),

  /** received → in_review. Coordinators and admins; clinicians for A.5. */
  review: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => act(ctx, ctx.user, 'review', input)),

  /** in_review → approved, with the hours authorised (quarter hours). Who as `review`. */
  approve: staffProcedure
    .input(z.strictObject({ id: idInput, hoursAuthorised: z.number().min(0.25).max(1000).multipleOf(0.25) }))
    .mutation(({ ctx, input }) => act(ctx, ctx.user, 'approve', input)),

  /** in_review → rejected, with a reason the requester reads when tracking. Who as `review`. */
  reject: staffProcedure
    .input(z.strictObject({ id: idInput, reason: reasonInput }))
    .mutation(({ ctx, input }) => act(ctx, ctx.user, 'reject', input)),

  /** Before any session of it has started: → cancelled, with a reason the requester reads; its scheduled appointments are cancelled. Who as `review`. */
  cancel: staffProcedure
    .input(z.strictObject({ id: idInput, reason: reasonInput }))
    .mutation(({ ctx, input }) => act(ctx, ctx.user, 'cancel', input)),

  /**
   * Before any session of it has started: → withdrawn, by its requester (the referent who sent
   * it or one of its organisation, by id), or for a request sent through a
   * publishable key by a key of its organisation with its tracking code.
   * Its scheduled appointments are cancelled.
   */
  withdraw: submitterProcedure
    .input(z.strictObject({ id: idInput.optional(), trackingCode: trackingCodeInput.optional(), reason: plainText(1000).optional() }))
    .mutation(({ ctx, input }) => act(ctx, ctx.submitter, 'withdraw', input)),

  /** reported → closed. Who as `review`; it also closes by itself once every report is countersigned. */
  close: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => act(ctx, ctx.user, 'close', input)),
});
