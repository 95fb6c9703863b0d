import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { cachingStatements } from '../../src/db/statement-cache.js';

describe('SQLite statement cache', () => {
  let dir: string;
  let sqlite: SQLite.Database;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ponte-statements-'));
    sqlite = new SQLite(join(dir, 'cache.db'));
    sqlite.exec('create table t (a integer)');
  });
  after(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prepares each SQL text once and runs it with each call’s values', () => {
    const db = cachingStatements(sqlite);
    const insert = db.prepare('insert into t (a) values (?)');
    assert.equal(db.prepare('insert into t (a) values (?)'), insert);
    insert.run([1]);
    db.prepare('insert into t (a) values (?)').run([2]);
    assert.deepEqual(db.prepare('select a from t where a > ? order by a').all([0]), [{ a: 1 }, { a: 2 }]);
    assert.deepEqual(db.prepare('select a from t where a > ? order by a').all([1]), [{ a: 2 }]);
  });

  it('keeps at most its limit, dropping the statement used longest ago', () => {
    const db = cachingStatements(sqlite, 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    assert.equal(db.prepare('select 1'), one, 'used again, so now the most recent');
    db.prepare('select 3');
    assert.equal(db.prepare('select 1'), one);
    assert.notEqual(db.prepare('select 2'), two, 'dropped, so prepared anew');
  });

  it('answers by the schema of the moment after a change', () => {
    const db = cachingStatements(sqlite);
    const select = db.prepare('select * from t order by a limit 1');
    assert.deepEqual(select.all([]), [{ a: 1 }]);
    sqlite.exec("alter table t add column b text default 'x'");
    assert.deepEqual(db.prepare('select * from t order by a limit 1').all([]), [{ a: 1, b: 'x' }]);
  });
});
