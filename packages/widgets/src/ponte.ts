// Every Ponte widget: load this one script to use any of them.
import './school-request/ponte-school-request.js';
import './school-report/ponte-school-report.js';
import './service-request/ponte-service-request.js';
import './service-report/ponte-service-report.js';
import './ethnoclinical-request/ponte-ethnoclinical-request.js';
import './school-questionnaire/ponte-school-questionnaire.js';
import './request-status/ponte-request-status.js';
import './booking/ponte-booking.js';
import './mediator-calendar/ponte-mediator-calendar.js';

export type { PonteBookedEvent, PonteErrorEvent, PonteSubmitDetail, PonteSubmitEvent, PonteSubmittedEvent } from './internal/events.js';
export type { PonteAppointmentOpenEvent } from './mediator-calendar/ponte-mediator-calendar.js';
