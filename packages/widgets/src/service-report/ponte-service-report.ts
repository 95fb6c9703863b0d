import { PonteServiceReport } from './ponte-service-report.component.js';

export { PonteServiceReport };

if (!customElements.get('ponte-service-report')) customElements.define('ponte-service-report', PonteServiceReport);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-service-report': PonteServiceReport;
  }
}
