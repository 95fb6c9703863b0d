import { PonteForm } from './ponte-form.component.js';

export { PonteForm };

if (!customElements.get('ponte-form')) customElements.define('ponte-form', PonteForm);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-form': PonteForm;
  }
}
