/// <reference types="mocha" />
import './ponte-service-request.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-service-request>', () => {
  runFormWidgetSuite({
    tag: 'ponte-service-request',
    formId: 'service-request',
    sender: { key: ponteTest().keys.service, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'serviceType',
  });
});
