/** A unique constraint refused the write, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // 23505: PostgreSQL unique_violation. SQLite reports it through better-sqlite3's code.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A PostgreSQL exclusion constraint refused the write (SQLSTATE 23P01); its name, when it is one. */
export function exclusionConstraintOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23P01' ? String(e.constraint ?? '') : undefined;
}
