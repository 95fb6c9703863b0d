import { STATELESS, isCountryCode, isEuMember } from './countries.js';
import { roleValue, type BeneficiaryRoles } from './meaning.js';
import type { FamiStatus, Gender } from './vocabulary.js';

/*
 * The people a form records for FAMI monitoring, read with the rules of the
 * version it was sent with (docs/architecture.md#beneficiaries-counted-once).
 */

export interface Beneficiary {
  /** the organisation's pseudonymous code for the person, trimmed and in capitals; absent before the report forms' version 2 */
  code?: string;
  sex?: Gender;
  ageBand?: string;
  /** every citizenship recorded, in the order given */
  citizenships: string[];
  status: FamiStatus;
}

/** Counted among the fund's beneficiaries: a third-country national or a stateless person. */
export function countsForFami(status: FamiStatus): boolean {
  return status === 'third_country' || status === 'stateless';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the countries a field's value names; 'XX' is no citizenship */
function countriesIn(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((c): c is string => typeof c === 'string' && c !== STATELESS && isCountryCode(c));
}

/**
 * Italian or any EU citizenship means not a third-country national, whatever
 * else the person holds. Without a status field (version 1), 'XX' stood for
 * "stateless or unknown": the two cannot be told apart, so it is unknown
 * and not counted.
 */
function statusOf(roles: BeneficiaryRoles, row: Readonly<Record<string, unknown>>, citizenships: readonly string[]): FamiStatus {
  const declared = roleValue(roles.citizenshipStatus, row);
  if (declared === 'stateless') return 'stateless';
  if (declared === 'unknown' || (roles.citizenshipStatus && declared === undefined)) return 'unknown';
  if (citizenships.length === 0) return 'unknown';
  return citizenships.some(isEuMember) ? 'eu' : 'third_country';
}

function readOne(roles: BeneficiaryRoles, row: Readonly<Record<string, unknown>>): Beneficiary {
  const citizenships = roles.citizenship ? countriesIn(row[roles.citizenship]) : [];
  const status = statusOf(roles, row, citizenships);
  const code = roles.code ? row[roles.code] : undefined;
  const ageBand = roles.ageBand ? row[roles.ageBand] : undefined;
  const sex = roleValue(roles.sex, row);
  return {
    ...(typeof code === 'string' && code.trim() ? { code: code.trim().toUpperCase() } : {}),
    ...(sex ? { sex } : {}),
    ...(typeof ageBand === 'string' ? { ageBand } : {}),
    citizenships: status === 'stateless' ? [] : citizenships,
    status,
  };
}

/** Every person `data` records under the version's `roles`: one per row of a group, or the one a form's top-level fields describe. */
export function beneficiariesOf(roles: readonly BeneficiaryRoles[], data: Readonly<Record<string, unknown>>): Beneficiary[] {
  return roles.flatMap((r) => {
    if (!r.group) return [readOne(r, data)];
    const rows = data[r.group];
    return Array.isArray(rows) ? rows.filter(isRecord).map((row) => readOne(r, row)) : [];
  });
}
