import { sql, type RawBuilder } from 'kysely';
import { FORM_IDS, formMeaning, formsOfKind } from '@ponte/forms';
import { codesServing } from '../coordination/language-match.js';
import type { StaffCall } from '../service-call.js';
import { appointmentsOfPeriod, requestsOfPeriod, type PeriodFilter } from './period.js';

/** Demand for one language and how far it was met: requests received, booked, held; the mediators who speak it. */
export interface LanguageDemand {
  language: string;
  requests: number;
  /** requests with at least one appointment */
  booked: number;
  /** requests with at least one session held */
  held: number;
  /** the Ambito's active mediators speaking it, as matching decides (the language or, of a macrolanguage, one of its members) */
  mediators: number;
}

export interface Reach {
  from: string;
  to: string;
  /** organisations and school sites (plessi) with at least one session held in the period */
  involved: { schools: number; sites: number; services: number };
  /** requests (cases) with a session held at which members of the family were present */
  families: number;
  /** people present at the held sessions, by role, added up over the sessions (the same teacher at two sessions is two) */
  presences: { family: number; teachers: number; operators: number };
  /** requests received in the period, and the hours their approvals authorised (minutes) */
  requests: { received: number; minutesAuthorised: number };
  languages: LanguageDemand[];
  /** the referents' ratings (1–5) of the held sessions */
  satisfaction: { ratings: number; mean: number | null; distribution: [number, number, number, number, number] };
}

type Num = number | string | null;

/** `(organisation, site)` of a request whose form names its site (A.1's plesso), else null */
function siteOf(call: StaffCall): RawBuilder<string | null> {
  const cases = formsOfKind(FORM_IDS, 'request').flatMap((id) => {
    const m = formMeaning(id);
    const field = m?.kind === 'request' ? m.site : undefined;
    if (!field) return [];
    // The field's name is the meaning's own constant, written into the statement as a literal.
    const value = call.dialect === 'postgres' ? sql`s.data->>${sql.lit(field)}` : sql`json_extract(s.data, ${sql.lit(`$.${field}`)})`;
    return [sql`when s.form_id = ${id} then s.organisation_id || '/' || lower(trim(${value}))`];
  });
  return cases.length ? sql<string | null>`case ${sql.join(cases, sql` `)} end` : sql<string | null>`null`;
}

/**
 * Whom the period's sessions reached and how the demand was met
 * (docs/architecture.md#reach-and-satisfaction): the organisations and
 * sites involved, the families, the people present by role and the ratings
 * come from the held sessions and their reports (kept as numbers on each
 * report); the requests and the languages asked for from the requests
 * received in the period, which a mode does not narrow (a request's mode is
 * not a column). Coordinators and admins (the router checks); the caller's
 * tenant only.
 */
export async function reach(call: StaffCall, f: PeriodFilter): Promise<Reach> {
  const inPeriod = await appointmentsOfPeriod(call, f);
  const tenantId = call.who.tenantId;

  // Per request first (a year's 30,000 sessions are some 6,000 requests), then across them: each count reads the smaller set.
  const sessions = sql<Record<string, Num>>`
    with held as (
      select coalesce(a.submission_id, a.id) as request_key, a.submission_id, a.organisation_id,
        max(r.family_present) as family_max, sum(r.family_present) as family, sum(r.teachers_present) as teachers,
        sum(r.operators_present) as operators, count(r.rating) as ratings, sum(r.rating) as rating_sum,
        sum(case when r.rating = 1 then 1 else 0 end) as r1, sum(case when r.rating = 2 then 1 else 0 end) as r2,
        sum(case when r.rating = 3 then 1 else 0 end) as r3, sum(case when r.rating = 4 then 1 else 0 end) as r4,
        sum(case when r.rating = 5 then 1 else 0 end) as r5
      from appointments a
      join reports r on r.appointment_id = a.id and r.tenant_id = a.tenant_id
      where ${inPeriod} and r.outcome = 'held'
      group by coalesce(a.submission_id, a.id), a.submission_id, a.organisation_id
    )
    select
      count(distinct case when o.kind = 'school' then h.organisation_id end) as schools,
      count(distinct case when o.kind = 'service' then h.organisation_id end) as services,
      count(distinct ${siteOf(call)}) as sites,
      sum(case when h.family_max > 0 then 1 else 0 end) as families,
      sum(h.family) as family, sum(h.teachers) as teachers, sum(h.operators) as operators,
      sum(h.ratings) as ratings, sum(h.rating_sum) as rating_sum,
      sum(h.r1) as r1, sum(h.r2) as r2, sum(h.r3) as r3, sum(h.r4) as r4, sum(h.r5) as r5
    from held h
    join organisations o on o.id = h.organisation_id and o.tenant_id = ${tenantId}
    left join submissions s on s.id = h.submission_id and s.tenant_id = ${tenantId}
  `.execute(call.db);

  const received = await requestsOfPeriod(call, f);
  type Asked = { language: string | null; requests: Num; booked: Num; held: Num; authorised: Num };
  const requests = !received
    ? Promise.resolve({ rows: [] as Asked[] })
    : sql<Asked>`
        select s.queue_language as language, count(*) as requests,
          sum(case when exists (select 1 from appointments b where b.submission_id = s.id and b.tenant_id = s.tenant_id) then 1 else 0 end) as booked,
          sum(case when exists (select 1 from appointments b where b.submission_id = s.id and b.tenant_id = s.tenant_id and b.status = 'held') then 1 else 0 end) as held,
          sum(s.authorised_minutes) as authorised
        from submissions s
        where ${received}
        group by s.queue_language
      `.execute(call.db);

  const speakers = sql<{ language: string; mediator_id: string }>`
    select distinct l.language_code as language, l.mediator_id
    from mediator_languages l join mediators m on m.id = l.mediator_id and m.tenant_id = l.tenant_id
    where l.tenant_id = ${tenantId} and m.disabled_at is null
  `.execute(call.db);

  const [{ rows: [held] }, { rows: asked }, { rows: spoken }] = await Promise.all([sessions, requests, speakers]);
  const n = (v: Num | undefined) => Number(v ?? 0);
  const ratings = n(held?.['ratings']);
  // Who speaks a language is decided as matching decides it: a mediator listed for Mandarin ('cmn') speaks the Chinese ('zho') a form asks for.
  const mediatorsOf = (language: string) => {
    const codes = new Set(codesServing(language));
    return new Set(spoken.filter((s) => codes.has(s.language)).map((s) => s.mediator_id)).size;
  };
  const languages = asked
    .filter((r): r is typeof r & { language: string } => r.language !== null)
    .map((r) => ({ language: r.language, requests: n(r.requests), booked: n(r.booked), held: n(r.held), mediators: mediatorsOf(r.language) }))
    .sort((a, b) => b.requests - a.requests || (a.language < b.language ? -1 : 1));

  return {
    from: f.from,
    to: f.to,
    involved: { schools: n(held?.['schools']), sites: n(held?.['sites']), services: n(held?.['services']) },
    families: n(held?.['families']),
    presences: { family: n(held?.['family']), teachers: n(held?.['teachers']), operators: n(held?.['operators']) },
    requests: { received: asked.reduce((sum, r) => sum + n(r.requests), 0), minutesAuthorised: asked.reduce((sum, r) => sum + n(r.authorised), 0) },
    languages,
    satisfaction: {
      ratings,
      mean: ratings ? Math.round((n(held?.['rating_sum']) / ratings) * 100) / 100 : null,
      distribution: [n(held?.['r1']), n(held?.['r2']), n(held?.['r3']), n(held?.['r4']), n(held?.['r5'])],
    },
  };
}
