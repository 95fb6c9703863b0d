import { audit } from '../audit/audit.js';
import { isUniqueViolation } from '../db/errors.js';
import { DomainError } from '../domain-error.js';
import { emit } from '../events/emit.js';
import { newId } from '../ids.js';
import type { StaffCall } from '../service-call.js';
import { findNarrative, insertNarrative, NARRATIVE_PARTS, updateNarrative, type Narrative, type NarrativeTexts, type Quarter } from './narrative.repository.js';

/*
 * The narrative of the fund's quarterly monitoring sheet (the "scheda
 * procedurale"; docs/architecture.md#quarterly-narrative): the coordinators'
 * own text on a quarter, one per Ambito and quarter. Coordinators and admins
 * (the router checks); the caller's tenant only. Its text goes nowhere but
 * its row: not in the audit line, the domain event, or any log.
 */

export type NarrativeView = Omit<Narrative, 'id'>;

const view = ({ id: _id, ...rest }: Narrative): NarrativeView => rest;
const textsOf = (input: NarrativeTexts): NarrativeTexts => Object.fromEntries(NARRATIVE_PARTS.map((p) => [p, input[p]])) as NarrativeTexts;

/** A quarter's narrative; null when nobody has written it. */
export async function narrative(call: StaffCall, q: Quarter): Promise<NarrativeView | null> {
  const found = await findNarrative(call.db, call.who.tenantId, q);
  return found ? view(found) : null;
}

/**
 * Writes a quarter's narrative. The first save of a quarter names no
 * revision; every later one names the revision it was written over, and is
 * refused (CONFLICT) when someone saved in between, rather than written over
 * their text. Audited and announced with the year, quarter and revision only.
 */
export async function saveNarrative(call: StaffCall, input: Quarter & NarrativeTexts & { revision?: number | undefined }): Promise<NarrativeView> {
  const { db, who } = call;
  const q: Quarter = { year: input.year, quarter: input.quarter };
  const texts = textsOf(input);
  const at = call.now.toISOString();
  const changed = () => new DomainError('CONFLICT', 'narrativeChanged', {}, 'revision');
  let revision: number;
  try {
    revision = await db.transaction().execute(async (trx) => {
      const written = { tenantId: who.tenantId, userId: who.userId, at, ...q, ...texts };
      let id: string | undefined;
      if (input.revision === undefined) {
        id = newId();
        await insertNarrative(trx, { id, ...written });
      } else {
        id = await updateNarrative(trx, { ...written, over: input.revision });
        if (!id) throw changed();
      }
      const saved = (input.revision ?? 0) + 1;
      await audit(trx, call, 'narrative.saved', { type: 'quarterly_narrative', id }, { ...q, revision: saved });
      await emit(trx, call, { type: 'narrative.saved', narrativeId: id, ...q, revision: saved });
      return saved;
    });
  } catch (error) {
    // A first save of a quarter written already (or two racing): the unique (tenant, year, quarter) refused it.
    if (isUniqueViolation(error)) throw changed();
    throw error;
  }
  return { ...q, ...texts, revision, updatedAt: at, updatedBy: who.displayName };
}
