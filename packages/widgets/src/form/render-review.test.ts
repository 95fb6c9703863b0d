import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { renderReceipt } from './render-review.js';

const receipt = { protocol: '2026/000042', trackingCode: 'ABCD-EFGH-JKMN-PQRS', status: 'received', submittedAt: '2026-12-07T10:00:00.000Z' };

describe('renderReceipt', () => {
  it('says that a questionnaire answer replaced the one sent for the same school year, and only then', async () => {
    const corrected = await fixture(html`<div>${renderReceipt({ ...receipt, correction: true }, 'it', '', () => {}, () => {})}</div>`);
    expect(corrected.textContent).to.contain('Questa risposta sostituisce quella già inviata per lo stesso anno scolastico');
    expect(corrected.textContent).to.contain('2026/000042');
    const english = await fixture(html`<div>${renderReceipt({ ...receipt, correction: true }, 'en', '', () => {}, () => {})}</div>`);
    expect(english.textContent).to.contain('This answer replaces the one already sent for the same school year');
    const first = await fixture(html`<div>${renderReceipt(receipt, 'it', '', () => {}, () => {})}</div>`);
    expect(first.textContent).not.to.contain('sostituisce');
  });
});
