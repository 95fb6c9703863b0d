import { PonteServiceRequest } from './ponte-service-request.component.js';

export { PonteServiceRequest };

if (!customElements.get('ponte-service-request')) customElements.define('ponte-service-request', PonteServiceRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-service-request': PonteServiceRequest;
  }
}
