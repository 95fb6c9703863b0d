import { z } from 'zod';
import { normaliseTrackingCode, TRACKING_CODE_PATTERN } from '../ids.js';
import { formIdInput, idInput, statusInput } from './input-schemas.js';
import * as submissions from '../submissions/submission.service.js';
import { publicProcedure, router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';

/**
 * The form's answers, passed on untouched: a copy made here (as z.record
 * makes) would drop keys such as "__proto__" before the form's own strict
 * check could name them as unknown fields.
 */
const formData = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);

export const submissionsRouter = router({
  /** Sends a form. Needs a publishable key or a staff token. Answers a receipt. */
  submit: submitterProcedure
    .input(
      z.strictObject({
        formId: formIdInput,
        version: z.number().int().positive(),
        data: formData,
        /** The same key on a retry answers the same receipt and stores nothing new. */
        idempotencyKey: z
          .string()
          .min(8)
          .max(100)
          .regex(/^[A-Za-z0-9._:-]+$/)
          .optional(),
        /** Staff only, when they send on behalf of an organisation. */
        organisationId: idInput.optional(),
        website: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => submissions.submit(ctx.db, ctx.submitter, input, { locale: ctx.locale, now: ctx.now() })),

  /** Status and dates of a request, for whoever holds its tracking code. */
  track: publicProcedure
    .input(
      z.strictObject({
        trackingCode: z
          .string()
          .max(40)
          .transform(normaliseTrackingCode)
          .pipe(z.string().regex(TRACKING_CODE_PATTERN)),
      }),
    )
    .query(({ ctx, input }) => submissions.track(ctx.db, input.trackingCode)),

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
    .query(({ ctx, input }) => submissions.list(ctx.db, ctx.user, input)),

  /** One submission with its content. A.5 content: clinicians and its requester only, audited. */
  get: staffProcedure
    .input(z.strictObject({ id: idInput }))
    .query(({ ctx, input }) => submissions.get(ctx.db, ctx.user, input.id, ctx.now())),
});
