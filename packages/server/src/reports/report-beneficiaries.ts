import { beneficiariesOf, formMeaning } from '@ponte/forms';
import type { DbOrTx } from '../db/database.js';
import { toIso } from '../db/values.js';
import type { Report } from './report.repository.js';

/*
 * The people a report's session reached, kept beside the report
 * (docs/architecture.md#beneficiaries-counted-once): written with every
 * write of the report, in its transaction, as the report's own form version
 * reads them, so that the indicators count from rows rather than from every
 * report's JSON. A session not held reached nobody.
 */

/** the person a row names: the organisation's code for them, or, without a code (version 1), the row itself */
function personKey(report: Report, position: number, code: string | undefined): string {
  return code ? `${report.organisationId}/code:${code}` : `${report.organisationId}/row:${report.id}:${position}`;
}

export async function writeReportBeneficiaries(db: DbOrTx, report: Report): Promise<void> {
  await db.deleteFrom('report_beneficiaries').where('report_id', '=', report.id).execute();
  const meaning = formMeaning(report.formId, report.formVersion);
  if (report.outcome !== 'held' || meaning?.kind !== 'report') return;
  const people = beneficiariesOf(meaning.beneficiaries, report.data);
  if (people.length === 0) return;
  const session = await db.selectFrom('appointments').select('starts_at').where('tenant_id', '=', report.tenantId).where('id', '=', report.appointmentId).executeTakeFirstOrThrow();
  const rows = people.map((b, position) => ({
    report_id: report.id,
    position,
    tenant_id: report.tenantId,
    organisation_id: report.organisationId,
    session_at: toIso(session.starts_at),
    person_key: personKey(report, position, b.code),
    sex: b.sex ?? null,
    age_band: b.ageBand ?? null,
    citizenship: b.citizenships[0] ?? null,
    citizenships: b.citizenships.join(' '),
    fami_status: b.status,
  }));
  await db.insertInto('report_beneficiaries').values(rows).execute();
}
