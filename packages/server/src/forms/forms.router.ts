import { getForm, listForms, listFormVersions } from '@ponte/forms';
import { z } from 'zod';
import { DomainError } from '../domain-error.js';
import { formIdInput, noInput } from '../trpc/input-schemas.js';
import { publicProcedure, router } from '../trpc/trpc.js';

export const formsRouter = router({
  /** The six forms, newest version of each, with titles in Italian and English. */
  list: publicProcedure.input(noInput).query(() =>
    listForms().map((f) => ({
      id: f.id,
      version: f.version,
      versions: listFormVersions(f.id),
      annex: f.annex,
      title: f.title,
      description: f.description,
      submitterKinds: f.submitterKinds,
      filledBy: f.filledBy,
      specialCategory: f.specialCategory,
    })),
  ),

  /** A whole definition, to render or validate; the newest version when none is given. */
  get: publicProcedure
    .input(z.strictObject({ id: formIdInput, version: z.number().int().positive().optional() }))
    .query(({ input }) => {
      const def = getForm(input.id, input.version);
      if (!def) throw new DomainError('NOT_FOUND', 'formUnknown', { formId: input.id, version: input.version ?? '—' });
      return def;
    }),
});
