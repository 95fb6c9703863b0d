import { PonteReportForm } from '../report/ponte-report-form.component.js';
import { PonteForm } from './ponte-form.component.js';

export { PonteForm, PonteReportForm };

// `<ponte-form form-id="…">` draws any form by id: sent as a submission or,
// given `appointment-id`, filed as that appointment's report, which is what
// PonteReportForm does.
if (!customElements.get('ponte-form')) customElements.define('ponte-form', PonteReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-form': PonteReportForm;
  }
}
