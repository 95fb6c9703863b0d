import type { DbOrTx } from '../db/database.js';
import { toIso } from '../db/values.js';

/** The parts of a quarter's narrative, in the order of the fund's sheet. */
export const NARRATIVE_PARTS = ['activities', 'strengths', 'deviations', 'problems', 'networks'] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number];
export type NarrativeTexts = Record<NarrativePart, string>;

export interface Quarter {
  year: number;
  quarter: number;
}

export interface Narrative extends Quarter, NarrativeTexts {
  id: string;
  revision: number;
  updatedAt: string;
  /** the display name of who saved it last */
  updatedBy: string;
}

export async function findNarrative(db: DbOrTx, tenantId: string, q: Quarter): Promise<Narrative | undefined> {
  const row = await db
    .selectFrom('quarterly_narratives as n')
    .innerJoin('users as u', 'u.id', 'n.updated_by_user_id')
    .select(['n.id', 'n.year', 'n.quarter', ...NARRATIVE_PARTS.map((p) => `n.${p}` as const), 'n.revision', 'n.updated_at', 'u.display_name'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.year', '=', q.year)
    .where('n.quarter', '=', q.quarter)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    year: row.year,
    quarter: row.quarter,
    activities: row.activities,
    strengths: row.strengths,
    deviations: row.deviations,
    problems: row.problems,
    networks: row.networks,
    revision: row.revision,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.display_name,
  };
}

/** A quarter's first narrative; refused by the unique (tenant, year, quarter) when one was written meanwhile. */
export async function insertNarrative(db: DbOrTx, n: { id: string; tenantId: string; userId: string; at: string } & Quarter & NarrativeTexts): Promise<void> {
  await db
    .insertInto('quarterly_narratives')
    .values({
      id: n.id,
      tenant_id: n.tenantId,
      year: n.year,
      quarter: n.quarter,
      activities: n.activities,
      strengths: n.strengths,
      deviations: n.deviations,
      problems: n.problems,
      networks: n.networks,
      revision: 1,
      created_at: n.at,
      updated_at: n.at,
      updated_by_user_id: n.userId,
    })
    .execute();
}

/**
 * Writes a quarter's narrative over the revision `over`, raising it by one;
 * the row's id, or undefined when the row no longer holds that revision
 * (someone saved in between) or was never written.
 */
export async function updateNarrative(
  db: DbOrTx,
  n: { tenantId: string; userId: string; at: string; over: number } & Quarter & NarrativeTexts,
): Promise<string | undefined> {
  const row = await db
    .updateTable('quarterly_narratives')
    .set({
      activities: n.activities,
      strengths: n.strengths,
      deviations: n.deviations,
      problems: n.problems,
      networks: n.networks,
      revision: n.over + 1,
      updated_at: n.at,
      updated_by_user_id: n.userId,
    })
    .where('tenant_id', '=', n.tenantId)
    .where('year', '=', n.year)
    .where('quarter', '=', n.quarter)
    .where('revision', '=', n.over)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
