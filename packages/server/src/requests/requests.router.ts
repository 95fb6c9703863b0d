import { REQUEST_URGENCIES } from '@ponte/forms';
import { z } from 'zod';
import { REQUEST_FORM_IDS, REQUEST_STATUSES } from './lifecycle.js';
import * as requests from './request.service.js';
import { roleProcedure, router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';
import { idInput, plainText, trackingCodeInput } from '../trpc/input-schemas.js';
import { languageInput } from '../trpc/scheduling-inputs.js';

const statusInput = z.enum(REQUEST_STATUSES);
const reasonInput = plainText(1000).min(1);

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
    .query(({ ctx, input }) => requests.queue(ctx.call, input)),

  /** One request: status, hours authorised, history with dates, appointments; its content by the visibility rules. */
  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => requests.get(ctx.call, input)),

  /** received → in_review. Coordinators and admins; clinicians for A.5. */
  review: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => requests.review(ctx.call, input)),

  /** in_review → approved, with the hours authorised (quarter hours). Who as `review`. */
  approve: staffProcedure
    .input(z.strictObject({ id: idInput, hoursAuthorised: z.number().min(0.25).max(1000).multipleOf(0.25) }))
    .mutation(({ ctx, input }) => requests.approve(ctx.call, input)),

  /** in_review → rejected, with a reason the requester reads when tracking. Who as `review`. */
  reject: staffProcedure
    .input(z.strictObject({ id: idInput, reason: reasonInput }))
    .mutation(({ ctx, input }) => requests.reject(ctx.call, input)),

  /** Before any session of it has started: → cancelled, with a reason the requester reads; its scheduled appointments are cancelled. Who as `review`. */
  cancel: staffProcedure
    .input(z.strictObject({ id: idInput, reason: reasonInput }))
    .mutation(({ ctx, input }) => requests.cancel(ctx.call, input)),

  /**
   * Before any session of it has started: → withdrawn, by its requester (the referent who sent
   * it or one of its organisation, by id), or for a request sent through a
   * publishable key by a key of its organisation with its tracking code.
   * Its scheduled appointments are cancelled.
   */
  withdraw: submitterProcedure
    .input(z.strictObject({ id: idInput.optional(), trackingCode: trackingCodeInput.optional(), reason: plainText(1000).optional() }))
    .mutation(({ ctx, input }) => requests.withdraw(ctx.call, input)),

  /** reported → closed. Who as `review`; it also closes by itself once every report is countersigned. */
  close: staffProcedure.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => requests.close(ctx.call, input)),
});
