import { hashPassword } from '../auth/password.js';
import { insertKey } from '../auth/publishable-key.repository.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import { schoolYearOf } from '../budgets/school-year.js';
import { DEFAULT_SETTINGS, saveSettings } from '../scheduling/settings.repository.js';
import {
  DEMO_AREAS,
  DEMO_AVAILABILITY,
  DEMO_BUDGETS,
  DEMO_MEDIATORS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_TENANT,
} from './demo-data.js';

export interface DemoSummary {
  tenantId: string;
  password: string;
  staff: { email: string; role: string; organisation: string | null }[];
  keys: { organisation: string; key: string }[];
}

/** Whether the database holds no tenant yet: only then is the demo seeded. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) === undefined;
}

/**
 * Creates the demo Ambito in one transaction. `allowedOrigins` are the sites
 * the demo keys work from (the server's own URL, where the examples live).
 */
export async function seedDemo(db: Db, allowedOrigins: readonly string[]): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = new Date().toISOString();
  const tenantId = newId();
  const orgIds = new Map<string, string>();

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug: DEMO_TENANT.slug, name: DEMO_TENANT.name, time_zone: DEMO_TENANT.timeZone, created_at: at })
      .execute();

    for (const org of DEMO_ORGANISATIONS) {
      const id = newId();
      orgIds.set(org.ref, id);
      await trx
        .insertInto('organisations')
        .values({
          id,
          tenant_id: tenantId,
          kind: org.kind,
          name: org.name,
          mechanographic_code: org.mechanographicCode,
          service_type: org.serviceType,
          created_at: at,
        })
        .execute();
      for (const site of org.sites) {
        await trx
          .insertInto('organisation_sites')
          .values({ id: newId(), tenant_id: tenantId, organisation_id: id, name: site.name, mechanographic_code: site.mechanographicCode })
          .execute();
      }
      await insertKey(trx, {
        id: newId(),
        tenantId,
        organisationId: id,
        key: org.publishableKey,
        label: `Demo – ${org.name}`,
        origins: [...allowedOrigins],
        createdAt: at,
      });
    }

    for (const person of DEMO_STAFF) {
      await trx
        .insertInto('users')
        .values({
          id: newId(),
          tenant_id: tenantId,
          organisation_id: person.org ? orgIds.get(person.org)! : null,
          email: person.email,
          display_name: person.name,
          role: person.role,
          password_hash: passwordHash,
          disabled_at: null,
          created_at: at,
        })
        .execute();
    }

    for (const [index, m] of DEMO_MEDIATORS.entries()) {
      const userId = newId();
      const mediatorId = newId();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          tenant_id: tenantId,
          organisation_id: null,
          email: m.email,
          display_name: m.name,
          role: 'mediator',
          password_hash: passwordHash,
          disabled_at: null,
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('mediators')
        .values({
          id: mediatorId,
          tenant_id: tenantId,
          user_id: userId,
          display_name: m.name,
          gender: m.gender,
          areas: JSON.stringify(DEMO_AREAS[index] ?? []),
          disabled_at: null,
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('mediator_languages')
        .values(m.languages.map((l) => ({ mediator_id: mediatorId, tenant_id: tenantId, language_code: l.code, variety: l.variety, level: l.level })))
        .execute();
      const rules = DEMO_AVAILABILITY[index] ?? [];
      if (rules.length > 0) {
        await trx
          .insertInto('availability_rules')
          .values(rules.map((r) => ({ id: newId(), tenant_id: tenantId, mediator_id: mediatorId, weekday: r.weekday, start_time: r.start, end_time: r.end, valid_from: null, valid_to: null, created_at: at })))
          .execute();
      }
    }

    await saveSettings(trx, tenantId, DEFAULT_SETTINGS, at);
    const thisYear = schoolYearOf(new Date(), DEMO_TENANT.timeZone);
    const nextYear = schoolYearOf(new Date(Date.now() + 366 * 86_400_000), DEMO_TENANT.timeZone);
    for (const schoolYear of [thisYear, nextYear]) {
      for (const b of DEMO_BUDGETS) {
        await trx
          .insertInto('hour_budgets')
          .values({ id: newId(), tenant_id: tenantId, organisation_id: orgIds.get(b.org)!, action: b.action, school_year: schoolYear, minutes_granted: b.hours * 60, updated_at: at })
          .execute();
      }
    }
  });

  return {
    tenantId,
    password: DEMO_PASSWORD,
    staff: [
      ...DEMO_STAFF.map((s) => ({ email: s.email, role: s.role, organisation: s.org })),
      ...DEMO_MEDIATORS.map((m) => ({ email: m.email, role: 'mediator', organisation: null })),
    ],
    keys: DEMO_ORGANISATIONS.map((o) => ({ organisation: o.name, key: o.publishableKey })),
  };
}
