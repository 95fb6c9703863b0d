import { define } from '../internal/define.js';
import { PonteSchoolRequest } from './ponte-school-request.component.js';

export { PonteSchoolRequest };

define('ponte-school-request', PonteSchoolRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-request': PonteSchoolRequest;
  }
}
