import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { AliasNode, TableNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import pg from 'pg';

/**
 * Whether the rows a publishable key's read reads (its key, origins,
 * organisation, tenant, the tenant's settings) may have changed: a number
 * that moves whenever they may have, or undefined while that cannot be told
 * (then nothing read may be kept). What auth/key-reads.ts keeps a read by.
 * Every write of those tables is counted by triggers (migration 0008).
 */
export interface CredentialChanges {
  current(): number | undefined;
  close(): Promise<void>;
}

/** The tables a key's read reads: as migration 0008 watches them. */
const WATCHED = new Set(['tenants', 'tenant_settings', 'organisations', 'publishable_keys', 'publishable_key_origins']);
const CHANNEL = 'ponte_credentials';

/**
 * SQLite: the triggers' count itself, read on this process's connection by
 * a statement prepared once (microseconds, no round trip), so a write by any
 * process is seen by the next call. Read outside Kysely's queue: inside a
 * write transaction of this connection it sees that transaction's own count,
 * which at worst makes a read kept under a number that is then rolled back:
 * not found again, read anew.
 */
export function sqliteCredentialChanges(sqlite: SqliteDatabase): CredentialChanges {
  let count: Statement | undefined;
  return {
    current() {
      try {
        count ??= sqlite.prepare('select count from credential_changes where id = 1').pluck();
        return count.get() as number;
      } catch {
        // Not migrated yet, or the connection busy streaming a query: nothing kept.
        return undefined;
      }
    },
    close: async () => undefined,
  };
}

/**
 * PostgreSQL: a count kept here, moved by the triggers' NOTIFY, which
 * PostgreSQL sends every listening server when a write commits, and by this
 * process's own writes of those tables as soon as each answers
 * (`countOwnWrites`): a key revoked through this server is refused on its
 * next call, one revoked elsewhere once the notice arrives (a millisecond).
 * One connection per server listens, opened on first use; while it is not
 * listening (not yet, or lost and being opened again) the count is
 * undefined, as a notice may have been missed.
 */
export function postgresCredentialChanges(connectionString: string): CredentialChanges & { wrote(): void } {
  let count = 0;
  let listening = false;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const listen = () => {
    if (closed || client) return;
    const c = new pg.Client({ connectionString });
    client = c;
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      listening = false;
      count++;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(listen, 1000).unref();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', () => count++);
    c.connect()
      .then(() => c.query(`listen ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        // What was read before this moment may have missed a notice.
        count++;
        listening = true;
      }, lost);
  };

  return {
    current() {
      if (!listening) listen();
      return listening ? count : undefined;
    },
    wrote() {
      count++;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      listening = false;
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * A Kysely plugin calling `wrote` once a write of a watched table has been
 * answered: this process's own changes count at once, without waiting for
 * their notice. A write of them inside a transaction still counts again at
 * commit, by its notice.
 */
export function countOwnWrites(wrote: () => void): KyselyPlugin {
  const writes = new WeakSet<object>();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      const table = writtenTable(node);
      if (table !== undefined && WATCHED.has(table)) writes.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (writes.has(queryId)) wrote();
      return result;
    },
  };
}

/** The table an INSERT, UPDATE or DELETE writes; undefined for anything else. */
function writtenTable(node: RootOperationNode): string | undefined {
  const target: OperationNode | undefined =
    node.kind === 'InsertQueryNode' ? node.into : node.kind === 'UpdateQueryNode' ? node.table : node.kind === 'DeleteQueryNode' ? node.from.froms[0] : undefined;
  return target ? tableName(target) : undefined;
}

function tableName(node: OperationNode): string | undefined {
  if (AliasNode.is(node)) return tableName(node.node);
  return TableNode.is(node) ? node.table.identifier.name : undefined;
}
