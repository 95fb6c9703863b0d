import { define } from '../internal/define.js';
import { PonteServiceRequest } from './ponte-service-request.component.js';

export { PonteServiceRequest };

define('ponte-service-request', PonteServiceRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-service-request': PonteServiceRequest;
  }
}
