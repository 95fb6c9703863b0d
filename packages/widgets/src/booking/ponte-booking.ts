import { define } from '../internal/define.js';
import { PonteBooking } from './ponte-booking.component.js';

export { PonteBooking };

define('ponte-booking', PonteBooking);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-booking': PonteBooking;
  }
}
