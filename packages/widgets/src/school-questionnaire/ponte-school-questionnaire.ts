import { PonteSchoolQuestionnaire } from './ponte-school-questionnaire.component.js';

export { PonteSchoolQuestionnaire };

if (!customElements.get('ponte-school-questionnaire')) customElements.define('ponte-school-questionnaire', PonteSchoolQuestionnaire);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-questionnaire': PonteSchoolQuestionnaire;
  }
}
