import { z } from 'zod';
import * as mediators from './mediator.service.js';
import { roleProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { idInput, plainText } from '../trpc/input-schemas.js';
import { genderInput, languageInput, languageSkillInput } from '../trpc/scheduling-inputs.js';

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
    .query(({ ctx, input }) => mediators.list(ctx.call, input)),

  /** One mediator: coordinators any, a mediator their own. */
  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => mediators.get(ctx.call, input)),

  create: coordinator.input(z.strictObject(profile)).mutation(({ ctx, input }) => mediators.create(ctx.call, input)),

  update: coordinator
    .input(z.strictObject({ id: idInput, ...z.strictObject(profile).partial().shape, active: z.boolean().optional() }))
    .mutation(({ ctx, input }) => mediators.update(ctx.call, input)),

  /** Takes a mediator out of free-slot searches and new bookings; history stays. */
  deactivate: coordinator.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => mediators.deactivate(ctx.call, input)),
});
