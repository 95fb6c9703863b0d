/// <reference types="mocha" />
import './ponte-service-report.js';
import { runFormWidgetSuite } from '../internal/testing/form-widget-suite.js';
import { ponteTest } from '../internal/testing/ponte-test.js';

describe('<ponte-service-report>', () => {
  runFormWidgetSuite({
    tag: 'ponte-service-report',
    formId: 'service-report',
    sender: { mediator: { email: 'rahim.uddin@demo.ponte.test', forKey: ponteTest().keys.service, hoursAgo: 74 }, reader: 'coordinatrice@demo.ponte.test' },
    // The session's date and times come prefilled from the appointment.
    firstRequired: 'status',
  });
});
