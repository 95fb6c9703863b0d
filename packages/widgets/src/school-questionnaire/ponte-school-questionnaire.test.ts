/// <reference types="mocha" />
import './ponte-school-questionnaire.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-school-questionnaire>', () => {
  runFormWidgetSuite({
    tag: 'ponte-school-questionnaire',
    formId: 'school-questionnaire',
    sender: { key: ponteTest().keys.school, reader: 'coordinatrice@demo.ponte.test' },
    firstRequired: 'schoolYear',
  });
});
