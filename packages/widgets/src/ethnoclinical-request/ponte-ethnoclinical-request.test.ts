/// <reference types="mocha" />
import './ponte-ethnoclinical-request.js';
import { expect } from '@open-wc/testing';
import { runFormWidgetSuite, mountWidget } from '../internal/testing/form-widget-suite.js';
import { tabTo, type, until } from '../internal/testing/keyboard.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

const options = {
  tag: 'ponte-ethnoclinical-request',
  formId: 'ethnoclinical-request' as const,
  sender: { key: ponteTest().keys.school, reader: 'clinica@demo.ponte.test' },
  firstRequired: 'requesterName',
};

describe('<ponte-ethnoclinical-request>', () => {
  runFormWidgetSuite(options);

  it('keeps its draft (special-category data) for this tab only, never in localStorage', async () => {
    const el = await mountWidget(options);
    await tabTo(el, 'f-requesterName');
    await type('Dott.ssa Rossi');
    const isDraft = (k: string) => k.startsWith('ponte.draft.ethnoclinical-request');
    await until(() => Object.keys(sessionStorage).some(isDraft), 'the draft in sessionStorage', 3000);
    expect(Object.keys(localStorage).some(isDraft)).to.equal(false);
    sessionStorage.clear();
  });
});
