/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
import './ponte-school-request.js';
import { fillByKeyboard } from '../internal/testing/fill-by-keyboard.js';
import { mountWidget, runFormWidgetSuite, signIn } from '../internal/testing/form-widget-suite.js';
import { press, tabTo, tabToButton, tabToSubmit, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-school-request>', () => {
  runFormWidgetSuite({
    tag: 'ponte-school-request',
    formId: 'school-request',
    sender: { key: ponteTest().keys.school, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'schoolYear',
  });
});

describe('<ponte-school-request> drafts, retries and layout', () => {
  const options = {
    tag: 'ponte-school-request',
    formId: 'school-request' as const,
    sender: { key: ponteTest().keys.school, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'schoolYear',
  };
  afterEach(() => localStorage.clear());

  it('brings the draft back after a reload', async () => {
    const first = await mountWidget(options);
    await tabTo(first, 'f-site');
    await type('Plesso Rodari');
    await until(() => Object.keys(localStorage).some((k) => k.startsWith('ponte.draft.school-request')), 'the draft', 3000);
    first.remove();

    const again = await mountWidget(options);
    const offer = await until(() => again.shadowRoot?.querySelector('.draft'), 'the draft offer');
    expect(offer.textContent).to.contain('Hai una bozza salvata il');
    await expect(again).to.be.accessible();
    await tabToButton(again, 'Riprendi');
    await press('Enter');
    const site = await until(() => again.shadowRoot?.getElementById('f-site') as HTMLInputElement | null, 'the form');
    expect(site.value).to.equal('Plesso Rodari');
  });

  it('retries a send that lost the network with the same key, storing one submission', async function () {
    this.timeout(120_000);
    const el = await mountWidget(options);
    const def = await createPonteClient({ url: ponteTest().api }).forms.get.query({ id: 'school-request' });
    await fillByKeyboard(el, def, structuredClone(SAMPLE_SUBMISSIONS['school-request']) as Record<string, unknown>);
    await until(() => el.shadowRoot?.querySelector('.review'), 'the summary step');

    // The browser's fetch fails once, as when the connection drops.
    const realFetch = window.fetch;
    let failures = 0;
    window.fetch = (input, init) => {
      if (String(input).includes('submissions.submit') && failures === 0) {
        failures++;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    };
    try {
      await tabToSubmit(el);
      await press('Enter');
      await until(() => el.shadowRoot?.querySelector('.send-error'), 'the network error');
      await expect(el).to.be.accessible();
      const submitted = new Promise<CustomEvent>((r) => el.addEventListener('ponte-submitted', (e) => r(e as CustomEvent)));
      await tabToButton(el, 'Riprova');
      await press('Enter');
      const receipt = (await submitted).detail as { protocol: string };
      const { client } = await signIn('coordinatrice@demo.ponte.test');
      const page = await client.submissions.list.query({ formId: 'school-request', limit: 100 });
      expect(page.items.filter((s) => s.protocol === receipt.protocol)).to.have.length(1);
      expect(failures).to.equal(1);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('holds its layout right to left, without overflow', async () => {
    document.documentElement.dir = 'rtl';
    try {
      const el = await mountWidget(options);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth + 1);
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.dir = '';
    }
  });

  it('speaks English with locale="en"', async () => {
    const el = await mountWidget(options);
    el.setAttribute('locale', 'en');
    await until(() => el.shadowRoot?.getElementById('step-heading')?.textContent?.trim() === 'School', 'English');
    expect(el.shadowRoot!.querySelector('[part="submit"]')!.textContent).to.contain('Next');
  });
});
