import { define } from '../internal/define.js';
import { PonteSchoolReport } from './ponte-school-report.component.js';

export { PonteSchoolReport };

define('ponte-school-report', PonteSchoolReport);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-report': PonteSchoolReport;
  }
}
