import { test } from 'node:test';
import { startTestServer, signIn } from './helpers/test-server.js';

test('explore', async () => {
  const ts = await startTestServer('sqlite');
  const show = async (label: string, url: string, init?: RequestInit) => {
    const r = await fetch(ts.url + url, init);
    const t = await r.text();
    console.log('==', label, r.status, r.headers.get('content-type'), t.slice(0, 300));
  };
  const token = await signIn(ts, 'coordinatrice@demo.ponte.test');
  const h = { authorization: 'Bearer ' + token };
  await show('forms.list 5', '/trpc/forms.list?input=5');
  await show('forms.list bad json', '/trpc/forms.list?input=%7Bnot');
  await show('me extra', '/trpc/auth.me?input=' + encodeURIComponent('{"x":1}'), { headers: h });
  await show('signOut bad json', '/trpc/auth.signOut', { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: '{bad' });
  const token2 = await signIn(ts, 'coordinatrice@demo.ponte.test');
  await show('signOut text/plain', '/trpc/auth.signOut', { method: 'POST', headers: { authorization: 'Bearer ' + token2, 'content-type': 'text/plain' }, body: 'x' });
  await show('signOut 5', '/trpc/auth.signOut', { method: 'POST', headers: { authorization: 'Bearer ' + token2, 'content-type': 'application/json' }, body: '5' });
  await show('list undefined', '/trpc/submissions.list', { headers: h });
  await show('list null', '/trpc/submissions.list?input=null', { headers: h });
  await show('list 5', '/trpc/submissions.list?input=5', { headers: h });
  await show('get input=', '/trpc/forms.get?input=', {});
  await show('get input=%00', '/trpc/forms.get?input=%22%00%22', {});
  await show('get ucs', '/trpc/forms.get?input=' + encodeURIComponent(JSON.stringify({id: '\u202e\u0000'})), {});
  await show('post empty body', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
  await show('post json charset', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' });
  await show('post form', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
  await show('post multipart', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
  await show('post octet', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: '{}' });
  await show('2mb GET', '/trpc/forms.get?input=' + 'a'.repeat(2_000_000));
  await show('100k GET', '/trpc/forms.get?input=' + encodeURIComponent(JSON.stringify({id:'a'.repeat(60_000)})));
  await show('en malformed', '/trpc/forms.get?input=%7Bnot', { headers: { 'x-ponte-locale': 'en' } });
  await show('en 413', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json', 'x-ponte-locale': 'en' }, body: JSON.stringify({ email: 'x'.repeat(2_000_000) }) });
  await show('en xml', '/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/xml', 'x-ponte-locale': 'en' }, body: '<a/>' });
  await ts.close();
});
