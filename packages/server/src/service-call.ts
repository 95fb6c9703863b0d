import type { Locale } from '@ponte/forms';
import type { StaffUser, Submitter } from './auth/actor.js';
import type { DialectName } from './db/connect.js';
import type { Db, DbOrTx } from './db/database.js';
import { findTenant } from './organisations/organisation.repository.js';
import { findSettings, type SchedulingSettings } from './scheduling/settings.repository.js';

/** The caller's Ambito as a service needs it: its zone and its scheduling rules. */
export interface TenantScope {
  id: string;
  name: string;
  timeZone: string;
  settings: SchedulingSettings & { updatedAt: string | null };
}

/**
 * What every service is handed, and its only first argument: built once per
 * call by the procedure builders (trpc/trpc.ts), so a service never reads
 * the transport and every part of one call sees one clock reading and one
 * tenant (docs/architecture.md#the-service-seam).
 */
export interface ServiceCall<Who extends Submitter | null = Submitter> {
  db: Db;
  dialect: DialectName;
  locale: Locale;
  /** The instant of the call, read once: every check and every row of it uses this. */
  now: Date;
  /** Who calls: staff, a publishable key, or nobody (public procedures). */
  who: Who;
  /** What services read of the server's configuration. */
  config: ServiceConfig;
  /**
   * The caller's tenant, read on first use and kept for the rest of the call.
   * Inside a write transaction pass it (`tenant(trx)`): on SQLite the
   * transaction holds the one connection, and a read beside it would wait forever.
   */
  tenant(db?: DbOrTx): Promise<TenantScope>;
}

export interface ServiceConfig {
  /** Ponte's public URL: links and feed URLs */
  publicUrl: string;
  sessionTtlMinutes: number;
}

export type StaffCall = ServiceCall<StaffUser>;

/**
 * `primed`, when given, is the caller's tenant as the read that resolved
 * their credentials found it (a publishable key's, auth/credentials.ts):
 * the call answers it rather than read it again.
 */
export function serviceCall<Who extends Submitter | null>(
  base: { db: Db; dialect: DialectName; locale: Locale; now: Date; config: ServiceConfig },
  who: Who,
  primed?: TenantScope,
): ServiceCall<Who> {
  let tenant: Promise<TenantScope> | undefined = primed && Promise.resolve(primed);
  return {
    ...base,
    who,
    tenant(db = base.db) {
      if (!who) throw new Error('serviceCall: a public call has no tenant');
      tenant ??= loadTenant(db, who.tenantId);
      return tenant;
    },
  };
}

async function loadTenant(db: DbOrTx, tenantId: string): Promise<TenantScope> {
  const [tenant, settings] = await Promise.all([findTenant(db, tenantId), findSettings(db, tenantId)]);
  // The tenant of a live session or key exists: sessions and keys belong to one (foreign keys).
  if (!tenant) throw new Error('serviceCall: the caller’s tenant is missing');
  return { id: tenant.id, name: tenant.name, timeZone: tenant.timeZone, settings };
}
