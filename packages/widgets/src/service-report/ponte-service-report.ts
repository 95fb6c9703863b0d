import { define } from '../internal/define.js';
import { PonteServiceReport } from './ponte-service-report.component.js';

export { PonteServiceReport };

define('ponte-service-report', PonteServiceReport);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-service-report': PonteServiceReport;
  }
}
