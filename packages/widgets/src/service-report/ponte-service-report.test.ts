/// <reference types="mocha" />
import './ponte-service-report.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-service-report>', () => {
  runFormWidgetSuite({
    tag: 'ponte-service-report',
    formId: 'service-report',
    sender: { staff: { email: 'amina.elidrissi@demo.ponte.test', forKey: ponteTest().keys.service }, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'sessionDate',
  });
});
