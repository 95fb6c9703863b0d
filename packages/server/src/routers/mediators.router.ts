import { z } from 'zod';
import * as mediators from '../scheduling/mediator.service.js';
import { roleProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { idInput, plainText } from './input-schemas.js';
import { genderInput, languageInput, languageSkillInput } from './scheduling-inputs.js';

const profile = {
  displayName: plainText(120).min(1),
  gender: genderInput.nullable().optional(),
  areas: z.array(plainText(80)).max(50).optional(),
  userId: idInput.nullable().optional(),
  languages: z.array(languageSkillInput).min(1).max(20),
};

const coordinator = roleProcedure('coordinator', 'admin');

export const mediatorsRouter = router({
  /** Mediators of the tenant with languages, varieties and levels; active ones unless asked. */
  list: coordinator
    .input(z.strictObject({ language: languageInput.optional(), includeInactive: z.boolean().optional() }).default({}))
    .query(({ ctx, input }) => mediators.list(ctx.db, ctx.user, input)),

  /** One mediator: coordinators any, a mediator their own. */
  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => mediators.get(ctx.db, ctx.user, input.id)),

  create: coordinator.input(z.strictObject(profile)).mutation(({ ctx, input }) => mediators.create(ctx.db, ctx.user, input, ctx.now())),

  /** Changes the fields given; `languages` replaces the whole list. */
  update: coordinator
    .input(z.strictObject({ id: idInput, ...z.strictObject(profile).partial().shape, active: z.boolean().optional() }))
    .mutation(({ ctx, input }) => {
      const { id, ...changes } = input;
      return mediators.update(ctx.db, ctx.user, id, changes, ctx.now());
    }),

  /** Takes a mediator out of free-slot searches and new bookings; history stays. */
  deactivate: coordinator.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => mediators.deactivate(ctx.db, ctx.user, input.id, ctx.now())),
});
