import type { Submitter } from '../auth/actor.js';
import type { ServiceCall } from '../service-call.js';

export interface OfferedLanguage {
  /** ISO 639-3 */
  code: string;
  /** the varieties some active mediator speaks, as written on their profiles, sorted */
  varieties: string[];
}

/**
 * The languages the tenant's active mediators speak, with their varieties:
 * what a booking page may offer. Only languages, never who speaks them, so a
 * publishable key may read it.
 */
export async function offeredLanguages(call: ServiceCall<Submitter>): Promise<{ languages: OfferedLanguage[] }> {
  const { tenantId } = call.who;
  const rows = await call.db
    .selectFrom('mediator_languages as l')
    .innerJoin('mediators as m', 'm.id', 'l.mediator_id')
    .select(['l.language_code', 'l.variety'])
    .distinct()
    .where('l.tenant_id', '=', tenantId)
    .where('m.tenant_id', '=', tenantId)
    .where('m.disabled_at', 'is', null)
    .orderBy('l.language_code')
    .orderBy('l.variety')
    .execute();
  const byCode = new Map<string, Set<string>>();
  for (const r of rows) {
    const varieties = byCode.get(r.language_code) ?? new Set<string>();
    // Varieties are free text: "Darija" and "darija " are one.
    const variety = r.variety.trim();
    if (variety && ![...varieties].some((v) => v.toLowerCase() === variety.toLowerCase())) varieties.add(variety);
    byCode.set(r.language_code, varieties);
  }
  return { languages: [...byCode].map(([code, varieties]) => ({ code, varieties: [...varieties].sort((a, b) => a.localeCompare(b)) })) };
}
