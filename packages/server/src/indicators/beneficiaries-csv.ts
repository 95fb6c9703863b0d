import { sql } from 'kysely';
import { AGE_BANDS, FAMI_STATUS_LABELS, FORM_IDS, countryName, countsForFami, getForm, type FamiStatus, type Gender, type Locale } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { localStamps, toCsv, type Cell } from './csv.js';
import { appointmentsOfPeriod, type PeriodFilter } from './period.js';

const HEADER: Readonly<Record<Locale, readonly string[]>> = {
  it: ['Codice persona', 'Organizzazione', 'Codice meccanografico', 'Sesso', 'Fascia d’età', 'Cittadinanze (codici)', 'Cittadinanze', 'Condizione FAMI', 'Conteggiato FAMI', 'Incontri nel periodo', 'Primo incontro', 'Ultimo incontro'],
  en: ['Person code', 'Organisation', 'School code', 'Sex', 'Age band', 'Citizenships (codes)', 'Citizenships', 'FAMI status', 'Counted by FAMI', 'Sessions in the period', 'First session', 'Last session'],
};
const SEX: Readonly<Record<Gender, Readonly<Record<Locale, string>>>> = {
  F: { it: 'Femmina', en: 'Female' },
  M: { it: 'Maschio', en: 'Male' },
  X: { it: 'Altro', en: 'Other' },
};
/**
 * An age band by its label ("6-10 anni", "18 anni e più"): a spreadsheet
 * reads a bare "6-10" as a date and "18+" as the number 18.
 */
const AGE_BAND_LABELS = new Map(AGE_BANDS.map((o) => [o.value, o.label]));
const ageBandLabel = (band: string, locale: Locale) => AGE_BAND_LABELS.get(band)?.[locale] ?? band;
const YES_NO: Readonly<Record<Locale, readonly [string, string]>> = { it: ['Sì', 'No'], en: ['Yes', 'No'] };
const FILE: Readonly<Record<Locale, string>> = { it: 'ponte-destinatari', en: 'ponte-beneficiaries' };

/** the forms whose content is special-category data (A.5): their sessions' people are counted, never listed */
const SPECIAL_FORMS = FORM_IDS.filter((id) => getForm(id)?.specialCategory);

interface PersonRow {
  person_key: string;
  organisation_name: string;
  mechanographic_code: string | null;
  fami_status: FamiStatus;
  sex: Gender | null;
  age_band: string | null;
  citizenships: string;
  sessions: number | string;
  first_at: Date | string;
  last_at: Date | string;
}

/** the organisation's code for the person, as `report_beneficiaries.person_key` holds it; none for a version 1 row */
const codeOf = (personKey: string) => /\/code:(.+)$/.exec(personKey)?.[1] ?? null;

/**
 * The people the period's held sessions reached, a line each
 * (docs/architecture.md#exports): the organisation's pseudonymous code for
 * them (never a name), as the latest session described them, whether the
 * fund counts them, and how many of the period's sessions they came to.
 * People of a consultation's sessions (A.5, special-category data) are
 * counted by indicators.beneficiaries but not listed here: a line would say
 * that someone with that code had a clinical consultation.
 */
export async function beneficiariesCsv(call: StaffCall, f: PeriodFilter): Promise<{ filename: string; content: string }> {
  const inPeriod = await appointmentsOfPeriod(call, f);
  const { timeZone } = await call.tenant();
  const notSpecial = SPECIAL_FORMS.length ? sql`(s.form_id is null or s.form_id not in (${sql.join(SPECIAL_FORMS)}))` : sql`1 = 1`;
  const { rows } = await sql<PersonRow>`
    with seen as (
      select b.person_key, o.name as organisation_name, o.mechanographic_code, b.fami_status, b.sex, b.age_band, b.citizenships,
        row_number() over (partition by b.person_key order by a.starts_at desc, b.report_id desc, b.position desc) as latest,
        count(*) over (partition by b.person_key) as sessions,
        min(a.starts_at) over (partition by b.person_key) as first_at,
        max(a.starts_at) over (partition by b.person_key) as last_at
      from report_beneficiaries b
      join reports r on r.id = b.report_id and r.tenant_id = b.tenant_id
      join appointments a on a.id = r.appointment_id and a.tenant_id = r.tenant_id
      join organisations o on o.id = b.organisation_id and o.tenant_id = b.tenant_id
      left join submissions s on s.id = a.submission_id and s.tenant_id = a.tenant_id
      where b.tenant_id = ${call.who.tenantId} and ${inPeriod} and ${notSpecial}
    )
    select person_key, organisation_name, mechanographic_code, fami_status, sex, age_band, citizenships, sessions, first_at, last_at
    from seen where latest = 1
  `.execute(call.db);

  const locale = call.locale;
  const local = localStamps(timeZone);
  const lines: Cell[][] = rows
    .sort((a, b) => (a.organisation_name === b.organisation_name ? (a.person_key < b.person_key ? -1 : 1) : a.organisation_name.localeCompare(b.organisation_name, locale)))
    .map((r) => {
      const codes = r.citizenships ? r.citizenships.split(' ') : [];
      return [
        codeOf(r.person_key),
        r.organisation_name,
        r.mechanographic_code,
        r.sex ? SEX[r.sex][locale] : null,
        r.age_band ? ageBandLabel(r.age_band, locale) : null,
        codes.join(' '),
        codes.map((c) => countryName(c, locale)).join(', '),
        FAMI_STATUS_LABELS[r.fami_status][locale],
        YES_NO[locale][countsForFami(r.fami_status) ? 0 : 1],
        Number(r.sessions),
        local.date(r.first_at),
        local.date(r.last_at),
      ];
    });
  return { filename: `${FILE[locale]}_${f.from}_${f.to}.csv`, content: toCsv(HEADER[locale], lines, locale) };
}
