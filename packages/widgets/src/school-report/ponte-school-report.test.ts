/// <reference types="mocha" />
import './ponte-school-report.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-school-report>', () => {
  runFormWidgetSuite({
    tag: 'ponte-school-report',
    formId: 'school-report',
    sender: { staff: { email: 'amina.elidrissi@demo.ponte.test', forKey: ponteTest().keys.school }, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'sessionDate',
  });
});
