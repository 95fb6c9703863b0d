import { PonteBooking } from './booking/ponte-booking.component.js';
import { PonteMediatorCalendar } from './mediator-calendar/ponte-mediator-calendar.component.js';
import { PonteRequestStatus } from './request-status/ponte-request-status.component.js';

/** The status, booking and calendar widgets by tag (their entries'): what ponte.js import()s of the services chunk. */
export const services: Record<string, CustomElementConstructor> = {
  'ponte-request-status': PonteRequestStatus,
  'ponte-booking': PonteBooking,
  'ponte-mediator-calendar': PonteMediatorCalendar,
};
