// Every Ponte widget: load this one script to use any of them.
// NOTE: it defines each element itself rather than importing each widget's
// entry (./school-request/ponte-school-request.js …): the entries are files
// of their own in the build, and importing them would put nine more
// requests, each more headers than script, before any widget could draw.
// The tags are those the entries define.
import { define } from './internal/define.js';
import { PonteBooking } from './booking/ponte-booking.component.js';
import { PonteEthnoclinicalRequest } from './ethnoclinical-request/ponte-ethnoclinical-request.component.js';
import { PonteMediatorCalendar } from './mediator-calendar/ponte-mediator-calendar.component.js';
import { PonteRequestStatus } from './request-status/ponte-request-status.component.js';
import { PonteSchoolQuestionnaire } from './school-questionnaire/ponte-school-questionnaire.component.js';
import { PonteSchoolReport } from './school-report/ponte-school-report.component.js';
import { PonteSchoolRequest } from './school-request/ponte-school-request.component.js';
import { PonteServiceReport } from './service-report/ponte-service-report.component.js';
import { PonteServiceRequest } from './service-request/ponte-service-request.component.js';

define('ponte-school-request', PonteSchoolRequest);
define('ponte-school-report', PonteSchoolReport);
define('ponte-service-request', PonteServiceRequest);
define('ponte-service-report', PonteServiceReport);
define('ponte-ethnoclinical-request', PonteEthnoclinicalRequest);
define('ponte-school-questionnaire', PonteSchoolQuestionnaire);
define('ponte-request-status', PonteRequestStatus);
define('ponte-booking', PonteBooking);
define('ponte-mediator-calendar', PonteMediatorCalendar);

export type { PonteBookedEvent, PonteErrorEvent, PonteSubmitDetail, PonteSubmitEvent, PonteSubmittedEvent } from './internal/events.js';
// From the entries as types only (nothing of them is loaded), which also
// brings their tags' declarations (HTMLElementTagNameMap) to TypeScript users.
export type { PonteAppointmentOpenEvent, PonteMediatorCalendar } from './mediator-calendar/ponte-mediator-calendar.js';
export type { PonteBooking } from './booking/ponte-booking.js';
export type { PonteEthnoclinicalRequest } from './ethnoclinical-request/ponte-ethnoclinical-request.js';
export type { PonteRequestStatus } from './request-status/ponte-request-status.js';
export type { PonteSchoolQuestionnaire } from './school-questionnaire/ponte-school-questionnaire.js';
export type { PonteSchoolReport } from './school-report/ponte-school-report.js';
export type { PonteSchoolRequest } from './school-request/ponte-school-request.js';
export type { PonteServiceReport } from './service-report/ponte-service-report.js';
export type { PonteServiceRequest } from './service-request/ponte-service-request.js';
