/// <reference types="mocha" />
import './ponte-ethnoclinical-request.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-ethnoclinical-request>', () => {
  runFormWidgetSuite({
    tag: 'ponte-ethnoclinical-request',
    formId: 'ethnoclinical-request',
    sender: { key: ponteTest().keys.school, reader: 'clinica@demo.ponte.test' },
    firstRequired: 'requesterName',
  });
});
