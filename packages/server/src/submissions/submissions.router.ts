import { z } from 'zod';
import { formDataInput, formIdInput, idempotencyKeyInput, idInput, statusInput, trackingCodeInput } from '../trpc/input-schemas.js';
import * as submissions from './submission.service.js';
import { publicProcedure, router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';

export const submissionsRouter = router({
  /** Sends a form. Needs a publishable key or a staff token. Answers a receipt. */
  submit: submitterProcedure
    .input(
      z.strictObject({
        formId: formIdInput,
        version: z.number().int().positive(),
        data: formDataInput,
        /** The same key on a retry answers the same receipt and stores nothing new. */
        idempotencyKey: idempotencyKeyInput.optional(),
        /** Staff only, when they send on behalf of an organisation. */
        organisationId: idInput.optional(),
        website: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => submissions.submit(ctx.call, input)),

  /** Status, the date of each status and a rejection's or cancellation's reason, for whoever holds the tracking code. */
  track: publicProcedure
    .input(z.strictObject({ trackingCode: trackingCodeInput }))
    .query(({ ctx, input }) => submissions.track(ctx.call, input)),

  /** Submissions the caller may see, newest first, without content. */
  list: staffProcedure
    .input(
      z
        .strictObject({
          formId: formIdInput.optional(),
          status: statusInput.optional(),
          organisationId: idInput.optional(),
          limit: z.number().int().min(1).max(100).default(50),
          cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional(),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => submissions.list(ctx.call, input)),

  /** One submission with its content. A.5 content: clinicians and its requester only, audited. */
  get: staffProcedure
    .input(z.strictObject({ id: idInput }))
    .query(({ ctx, input }) => submissions.get(ctx.call, input)),

  /** The answers a submission's current one replaced (the questionnaire's corrections), for whoever may read its content. */
  revisions: staffProcedure
    .input(z.strictObject({ id: idInput }))
    .query(({ ctx, input }) => submissions.revisions(ctx.call, input)),
});
