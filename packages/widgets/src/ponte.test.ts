import { expect } from '@open-wc/testing';
import { until } from './internal/testing/keyboard.js';
import { ponteTest } from './internal/testing/ponte-test.js';

/*
 * The one-script embed (ponte.ts) on a page that already holds a form: the
 * form's calls go out once, ahead of its code, and the form draws from their
 * answers without asking again; every widget gets defined. A test file of
 * its own: a page runs ponte.ts once.
 */
describe('ponte.js', () => {
  it('asks the first form’s calls once, ahead of its code, and defines every widget', async () => {
    const { api, keys } = ponteTest();
    const asked: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      asked.push(String(input));
      return realFetch(input, init);
    };
    try {
      document.body.insertAdjacentHTML(
        'beforeend',
        // The API with a trailing slash, which the SDK drops: the early calls must too, or the form asks again.
        `<ponte-school-request api="${api}/" publishable-key="${keys.school}"></ponte-school-request>
        <ponte-request-status api="${api}"></ponte-request-status>`,
      );
      const form = document.querySelector('ponte-school-request')!;
      await import('./ponte.js');
      // Sent as the module ran, before any of the widgets' code was there.
      expect(customElements.get('ponte-school-request')).to.equal(undefined);
      expect(asked.map((url) => url.replace(api, ''))).to.deep.equal([
        '/trpc/forms.get?input=%7B%22id%22%3A%22school-request%22%7D',
        '/trpc/organisations.current',
      ]);

      const year = await until(() => form.shadowRoot?.getElementById('f-schoolYear'), 'the first step');
      expect(year).to.exist;
      // The school's code prefilled: the organisation's answer was taken too.
      const code = form.shadowRoot!.getElementById('f-mechanographicCode') as HTMLInputElement;
      expect(code.value).to.not.equal('');
      for (const tag of [
        'ponte-school-request',
        'ponte-school-report',
        'ponte-service-request',
        'ponte-service-report',
        'ponte-ethnoclinical-request',
        'ponte-school-questionnaire',
        'ponte-request-status',
        'ponte-booking',
        'ponte-mediator-calendar',
      ]) {
        await until(() => customElements.get(tag), tag);
      }
      expect(asked.filter((url) => url.includes('/forms.get'))).to.have.length(1);
      expect(asked.filter((url) => url.includes('/organisations.current'))).to.have.length(1);
      await expect(form).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });
});
