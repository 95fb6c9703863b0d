import type { DbOrTx } from '../db/database.js';
import { toIso } from '../db/values.js';

export interface SchedulingSettings {
  travelBufferMinutes: number;
  cancellationNoticeHours: number;
  minimumBillableMinutes: number;
  slotStepMinutes: number;
}

/**
 * What a tenant gets until its coordinator says otherwise. The contract
 * rules differ per Ambito and no common rule is published; 48 h notice and
 * a 1 h minimum are what service contracts (capitolati) usually set
 * (docs/architecture.md#cancellation-notice).
 */
export const DEFAULT_SETTINGS: SchedulingSettings = {
  travelBufferMinutes: 15,
  cancellationNoticeHours: 48,
  minimumBillableMinutes: 60,
  slotStepMinutes: 30,
};

export async function findSettings(db: DbOrTx, tenantId: string): Promise<SchedulingSettings & { updatedAt: string | null }> {
  const row = await db.selectFrom('tenant_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, updatedAt: null };
  return {
    travelBufferMinutes: row.travel_buffer_minutes,
    cancellationNoticeHours: row.cancellation_notice_hours,
    minimumBillableMinutes: row.minimum_billable_minutes,
    slotStepMinutes: row.slot_step_minutes,
    updatedAt: toIso(row.updated_at),
  };
}

export async function saveSettings(db: DbOrTx, tenantId: string, s: SchedulingSettings, at: string): Promise<void> {
  const values = {
    travel_buffer_minutes: s.travelBufferMinutes,
    cancellation_notice_hours: s.cancellationNoticeHours,
    minimum_billable_minutes: s.minimumBillableMinutes,
    slot_step_minutes: s.slotStepMinutes,
    updated_at: at,
  };
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
