import type { DbOrTx } from '../db/database.js';
import { toInt, toMillis } from '../db/values.js';

export interface ServedBefore {
  /** live appointments with the request's organisation, or for the request itself */
  appointments: number;
  /** of those, the ones for the request itself or for its case code */
  sameCase: number;
}

/**
 * What each mediator has done for the request's organisation and case, in
 * one query: appointments not cancelled (held, not held or still to come).
 *
 * A case code counts only inside its organisation: codes are pseudonyms each
 * service makes up (TM-2026-014), so another organisation's equal code is
 * most likely another family.
 */
export async function servedBefore(
  db: DbOrTx,
  tenantId: string,
  mediatorIds: string[],
  ref: { organisationId: string; requestId: string; caseCode: string | null },
): Promise<Map<string, ServedBefore>> {
  const out = new Map<string, ServedBefore>();
  if (mediatorIds.length === 0) return out;
  const rows = await db
    .selectFrom('appointments')
    .select((eb) => {
      const sameCase = eb.or([
        eb('submission_id', '=', ref.requestId),
        ...(ref.caseCode ? [eb.and([eb('organisation_id', '=', ref.organisationId), eb('case_code', '=', ref.caseCode)])] : []),
      ]);
      return [
        'mediator_id',
        eb.fn.countAll<number | string>().as('appointments'),
        eb.fn.sum<number | string>(eb.case().when(sameCase).then(1).else(0).end()).as('same_case'),
      ];
    })
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', mediatorIds)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('organisation_id', '=', ref.organisationId), eb('submission_id', '=', ref.requestId)]))
    .groupBy('mediator_id')
    .$narrowType<{ mediator_id: string }>()
    .execute();
  for (const r of rows) out.set(r.mediator_id, { appointments: toInt(r.appointments), sameCase: toInt(r.same_case) });
  return out;
}

/**
 * Minutes of live appointments each mediator has starting in [from, to), in
 * one query: the load that matching balances. Length is end − start, not the
 * billed minutes, which count against a budget rather than a person's time.
 */
export async function minutesBooked(db: DbOrTx, tenantId: string, mediatorIds: string[], from: string, to: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (mediatorIds.length === 0) return out;
  const rows = await db
    .selectFrom('appointments')
    .select(['mediator_id', 'starts_at', 'ends_at'])
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', mediatorIds)
    .where('status', '<>', 'cancelled')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .$narrowType<{ mediator_id: string }>()
    .execute();
  for (const r of rows) {
    out.set(r.mediator_id, (out.get(r.mediator_id) ?? 0) + Math.round((toMillis(r.ends_at) - toMillis(r.starts_at)) / 60_000));
  }
  return out;
}
