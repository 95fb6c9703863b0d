import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite database as Kysely's SqliteDialect sees it, preparing each SQL
 * text once: Kysely's driver calls `prepare` for every query it runs, and
 * preparing (parsing, planning) costs more than running most of Ponte's
 * statements. Kysely sends values as parameters, so the texts are few (one
 * per query shape); at most `limit` are kept, the least recently used going
 * first, so that a query built with a varying number of values cannot grow
 * the cache without end.
 *
 * Reusing a statement is safe here: the driver runs one query at a time on
 * its one connection, and a statement it streams (`iterate`) holds that
 * connection until it is done.
 */
export function cachingStatements(sqlite: Database, limit = 500): SqliteDatabase {
  const prepared = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let statement = prepared.get(sql);
      if (statement) {
        // Most recently used last: Map keeps insertion order.
        prepared.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (prepared.size >= limit) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(sql, statement);
      return statement;
    },
    close() {
      prepared.clear();
      sqlite.close();
    },
  };
}
