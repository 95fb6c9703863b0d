import { PonteRequestStatus } from './ponte-request-status.component.js';

export { PonteRequestStatus };

if (!customElements.get('ponte-request-status')) customElements.define('ponte-request-status', PonteRequestStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-request-status': PonteRequestStatus;
  }
}
