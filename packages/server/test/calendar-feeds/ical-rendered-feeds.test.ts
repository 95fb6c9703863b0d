import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderedFeeds } from '../../src/calendar-feeds/rendered-feeds.js';

const text = (bytes: number, fill = 'x') => Buffer.from(fill.repeat(bytes));

describe('the texts kept between polls', () => {
  it('answers a text only for its feed and its version', () => {
    const kept = new RenderedFeeds(1000);
    kept.set('a', '"1"', text(10, 'a'));
    assert.equal(kept.get('a', '"1"')?.toString(), 'a'.repeat(10));
    assert.equal(kept.get('a', '"2"'), undefined);
    assert.equal(kept.get('b', '"1"'), undefined);
    kept.set('a', '"2"', text(20, 'b'));
    assert.equal(kept.get('a', '"1"'), undefined, 'a newer version replaces the older');
    assert.equal(kept.bytes, 20);
  });

  it('holds no more bytes than it is given, letting the least recently served go first', () => {
    const kept = new RenderedFeeds(100);
    kept.set('a', '"a"', text(40));
    kept.set('b', '"b"', text(40));
    assert.ok(kept.get('a', '"a"'));
    kept.set('c', '"c"', text(40));
    assert.equal(kept.bytes, 80);
    assert.ok(kept.get('a', '"a"'));
    assert.equal(kept.get('b', '"b"'), undefined);
    assert.ok(kept.get('c', '"c"'));
    kept.set('d', '"d"', text(101));
    assert.equal(kept.get('d', '"d"'), undefined, 'a text larger than the whole is not kept');
    assert.equal(kept.bytes, 80);
  });
});
