import { expect } from '@open-wc/testing';
import { createPonteClient } from '@ponte/sdk';
import { ponteTest } from './ponte-test.js';

// Proves the browser test setup itself: a real server is up, the demo keys
// work from the test page's origin, and talking to Ponte sets no cookie.
describe('browser test harness', () => {
  const { api, keys } = ponteTest();

  it('reaches the test server', async () => {
    const res = await fetch(`${api}/healthz`);
    expect(res.ok).to.equal(true);
    expect(await res.json()).to.deep.equal({ status: 'ok', database: 'sqlite' });
  });

  it('lists the forms through the SDK with a demo key, leaving no cookie', async () => {
    const client = createPonteClient({ url: api, publishableKey: keys.school });
    const forms = await client.forms.list.query();
    expect(forms.map((f) => f.id)).to.include.members(['school-request', 'school-questionnaire', 'ethnoclinical-request']);
    // A key is only accepted from its allowed origins: this proves the test page is one.
    const school = await client.organisations.current.query();
    expect(school?.name).to.equal('Istituto Comprensivo "Alessandro Manzoni"');
    expect(document.cookie).to.equal('');
  });
});
