import { PonteEthnoclinicalRequest } from './ponte-ethnoclinical-request.component.js';

export { PonteEthnoclinicalRequest };

if (!customElements.get('ponte-ethnoclinical-request')) customElements.define('ponte-ethnoclinical-request', PonteEthnoclinicalRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-ethnoclinical-request': PonteEthnoclinicalRequest;
  }
}
