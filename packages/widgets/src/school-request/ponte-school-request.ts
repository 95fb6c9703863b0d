import { PonteSchoolRequest } from './ponte-school-request.component.js';

export { PonteSchoolRequest };

if (!customElements.get('ponte-school-request')) customElements.define('ponte-school-request', PonteSchoolRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-request': PonteSchoolRequest;
  }
}
