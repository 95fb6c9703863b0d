import { define } from '../internal/define.js';
import { PonteMediatorCalendar } from './ponte-mediator-calendar.component.js';

export { PonteMediatorCalendar };

define('ponte-mediator-calendar', PonteMediatorCalendar);

/** What `ponte-appointment-open` carries: the appointments of the day whose details were opened. */
export type PonteAppointmentOpenEvent = CustomEvent<{ ids: string[] }>;

declare global {
  interface HTMLElementTagNameMap {
    'ponte-mediator-calendar': PonteMediatorCalendar;
  }
  interface GlobalEventHandlersEventMap {
    'ponte-appointment-open': PonteAppointmentOpenEvent;
  }
}
