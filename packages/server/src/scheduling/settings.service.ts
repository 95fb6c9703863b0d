import { audit } from '../audit/audit.js';
import { emit } from '../events/emit.js';
import type { StaffCall } from '../service-call.js';
import { findSettings, saveSettings, type SchedulingSettings } from './settings.repository.js';

/** The tenant's scheduling rules: travel buffer, cancellation notice, minimum billable time, slot step. */
export async function get(call: StaffCall) {
  return (await call.tenant()).settings;
}

export async function update(call: StaffCall, input: Partial<SchedulingSettings>) {
  const { db, who } = call;
  await db.transaction().execute(async (trx) => {
    const { updatedAt: _u, ...before } = await findSettings(trx, who.tenantId);
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as SchedulingSettings;
    await saveSettings(trx, who.tenantId, after, call.now.toISOString());
    await audit(trx, call, 'settings.updated', { type: 'tenant', id: who.tenantId }, { before, after });
    await emit(trx, call, { type: 'settings.updated' });
  });
  return findSettings(db, who.tenantId);
}
