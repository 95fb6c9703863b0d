/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
import './ponte-request-status.js';
import type { PonteRequestStatus } from './ponte-request-status.component.js';
import { focusedIn, press, tabTo, tabToSubmit, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

async function mount(): Promise<PonteRequestStatus> {
  return fixture<PonteRequestStatus>(html`<ponte-request-status api=${ponteTest().api}></ponte-request-status>`);
}

describe('<ponte-request-status>', () => {
  it('is accessible when empty, and names and describes its field', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const node = findAccessibilityNode((await a11ySnapshot({})) as never, (n: { name?: string; description?: string }) =>
      n.name === 'Codice di tracciamento' && (n.description ?? '').includes('XXXX-XXXX-XXXX-XXXX'),
    );
    expect(node).to.not.equal(null);
  });

  it('shows NOT_FOUND at the field, in the accessibility tree, with the keyboard alone', async () => {
    const el = await mount();
    await tabTo(el, 'code');
    await type('AAAA-BBBB-CCCC-DDDD');
    await press('Enter');
    const error = await until(() => el.shadowRoot?.getElementById('code-error')?.textContent?.trim(), 'the error');
    await until(() => focusedIn(el)?.id === 'code', 'focus back on the field');
    await expect(el).to.be.accessible();
    const node = findAccessibilityNode((await a11ySnapshot({})) as never, (n: { name?: string; description?: string }) =>
      n.name === 'Codice di tracciamento' && (n.description ?? '').includes(error),
    );
    expect(node).to.not.equal(null);
  });

  it('finds a request sent with a key and tells its status in words', async () => {
    const { api, keys } = ponteTest();
    const sender = createPonteClient({ url: api, publishableKey: keys.school });
    const org = await sender.organisations.current.query();
    const receipt = await sender.submissions.submit.mutate({
      formId: 'school-request',
      version: 1,
      data: { ...structuredClone(SAMPLE_SUBMISSIONS['school-request']), school: org!.id },
    });
    const el = await mount();
    await tabTo(el, 'code');
    await type(receipt.trackingCode.toLowerCase());
    await tabToSubmit(el);
    await press('Enter');
    const status = await until(() => el.shadowRoot?.querySelector('.status')?.textContent?.trim(), 'the status');
    expect(status).to.equal('Ricevuta');
    await expect(el).to.be.accessible();
    expect(document.cookie).to.equal('');
  });

  it('tells a request that was not approved, with the reason the coordinator gave', async () => {
    const { api, keys, password } = ponteTest();
    const sender = createPonteClient({ url: api, publishableKey: keys.school });
    const org = await sender.organisations.current.query();
    const receipt = await sender.submissions.submit.mutate({
      formId: 'school-request',
      version: 1,
      data: { ...structuredClone(SAMPLE_SUBMISSIONS['school-request']), school: org!.id },
    });
    const { token } = await createPonteClient({ url: api }).auth.signIn.mutate({ email: 'coordinatrice@demo.ponte.test', password });
    const coordinator = createPonteClient({ url: api, token });
    const [request] = (await coordinator.requests.queue.query({ status: 'received' })).items.filter((r) => r.protocol === receipt.protocol);
    await coordinator.requests.review.mutate({ id: request!.id });
    await coordinator.requests.reject.mutate({ id: request!.id, reason: 'Ore esaurite per quest’anno scolastico.' });

    const el = await mount();
    await tabTo(el, 'code');
    await type(receipt.trackingCode);
    await press('Enter');
    const status = await until(() => el.shadowRoot?.querySelector('.status')?.textContent?.trim(), 'the status');
    expect(status).to.equal('Non accolta');
    expect(el.shadowRoot!.querySelector('.result')!.textContent).to.contain('Ore esaurite per quest’anno scolastico.');
    await expect(el).to.be.accessible();
  });

  it('asks for a code when none is typed', async () => {
    const el = await mount();
    await tabToSubmit(el);
    await press('Enter');
    const error = await until(() => el.shadowRoot?.getElementById('code-error')?.textContent, 'the error');
    expect(error).to.contain('obbligatorio');
  });
});
