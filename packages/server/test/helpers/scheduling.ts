import { organisationIdByKey } from './fixtures.js';
import { signIn, type TestServer } from './test-server.js';

export interface SchedulingFixture {
  coordinator: string;
  orgs: { manzoni: string; rodari: string; servizi: string };
  /** demo mediator ids by first name, lower case: amina, rahim, li, ardit, olena, arshad */
  mediators: Record<string, string>;
  tokenOf(email: string): Promise<string>;
}

/** Ids and a coordinator token on a demo-seeded test server. */
export async function schedulingFixture(ts: TestServer): Promise<SchedulingFixture> {
  const db = ts.server.database.db;
  const rows = await db.selectFrom('mediators').select(['id', 'display_name']).execute();
  const mediators = Object.fromEntries(rows.map((r) => [r.display_name.split(' ')[0]!.toLowerCase(), r.id]));
  return {
    coordinator: await signIn(ts, 'coordinatrice@demo.ponte.test'),
    orgs: {
      manzoni: await organisationIdByKey(db, 'pk_demo_manzoni'),
      rodari: await organisationIdByKey(db, 'pk_demo_rodari'),
      servizi: await organisationIdByKey(db, 'pk_demo_servizi'),
    },
    mediators,
    tokenOf: (email) => signIn(ts, email),
  };
}

/** An instant from a Rome wall-clock time on a date of winter 2027 (UTC+1): '2027-01-11', '09:00' → 08:00Z. */
export function romeWinter(date: string, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - 1, m)).toISOString();
}
