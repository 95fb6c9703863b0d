import { PonteSchoolReport } from './ponte-school-report.component.js';

export { PonteSchoolReport };

if (!customElements.get('ponte-school-report')) customElements.define('ponte-school-report', PonteSchoolReport);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-report': PonteSchoolReport;
  }
}
