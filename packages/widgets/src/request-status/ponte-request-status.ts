import { define } from '../internal/define.js';
import { PonteRequestStatus } from './ponte-request-status.component.js';

export { PonteRequestStatus };

define('ponte-request-status', PonteRequestStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-request-status': PonteRequestStatus;
  }
}
