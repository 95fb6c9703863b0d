import { define } from '../internal/define.js';
import { PonteSchoolQuestionnaire } from './ponte-school-questionnaire.component.js';

export { PonteSchoolQuestionnaire };

define('ponte-school-questionnaire', PonteSchoolQuestionnaire);

declare global {
  interface HTMLElementTagNameMap {
    'ponte-school-questionnaire': PonteSchoolQuestionnaire;
  }
}
