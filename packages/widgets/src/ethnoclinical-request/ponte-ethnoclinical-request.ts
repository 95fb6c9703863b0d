import { define } from '../internal/define.js';
import { PonteEthnoclinicalRequest } from './ponte-ethnoclinical-request.component.js';

export { PonteEthnoclinicalRequest };

define('ponte-ethnoclinical-request', PonteEthnoclinicalRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-ethnoclinical-request': PonteEthnoclinicalRequest;
  }
}
