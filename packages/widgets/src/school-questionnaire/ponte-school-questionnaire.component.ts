import type { FormId } from '@ponte/forms';
import type { PonteClient } from '@ponte/sdk';
import type { Prefiller } from '../form/initial-answers.js';
import { PonteForm } from '../form/ponte-form.component.js';

/**
 * @summary The FAMI questionnaire for schools.
 *
 * `<ponte-school-questionnaire publishable-key="pk_…">`: the form `school-questionnaire` fetched from the
 * Ponte server (newest version, or `form-version`), drawn step by step with a
 * summary step, a draft kept on the device, and a receipt.
 *
 * Attributes: `api` (server URL; default: the origin the script came from),
 * `publishable-key`, `locale` (`it` | `en`; default `<html lang>`, then `it`),
 * `form-version`. Properties: `token` (staff bearer token), `organisationId`
 * (staff sending for an organisation). Methods: `submit()`, `reset()`,
 * `reportValidity()`.
 *
 * @event ponte-submit - Before sending; cancelable. `detail`: `{ formId, version, data }`.
 * @event ponte-submitted - Stored. `detail`: the receipt `{ protocol, trackingCode, status, submittedAt }`.
 * @event ponte-error - Sending failed. `detail`: `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart form - The native form element.
 * @csspart steps - The step indicator.
 * @csspart field - One field: label, hint, error and control(s).
 * @csspart label - A field's label or legend.
 * @csspart control - An input, select or textarea.
 * @csspart hint - A field's help text.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors shown on Next and on send.
 * @csspart summary - The summary step.
 * @csspart actions - The row of buttons.
 * @csspart submit - The primary button.
 * @csspart receipt - The receipt after sending.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Buttons, links, selection.
 * @cssproperty [--ponte-color-text=var(--bs-body-color, #1a1a1a)] - Text.
 * @cssproperty [--ponte-color-muted=#5c6f82] - Hints.
 * @cssproperty [--ponte-color-danger=var(--bs-danger, #cc334d)] - Errors.
 * @cssproperty [--ponte-color-success=var(--bs-success, #008055)] - The receipt.
 * @cssproperty [--ponte-color-border=#5c6f82] - Control borders.
 * @cssproperty [--ponte-color-background=var(--bs-body-bg, #fff)] - Controls and lists.
 * @cssproperty [--ponte-font-family=var(--bs-body-font-family, "Titillium Web", …)] - Font (never downloaded).
 * @cssproperty [--ponte-radius=var(--bs-border-radius, 4px)] - Corner radius.
 * @cssproperty [--ponte-focus-color=#ff9900] - Focus outline.
 */
export class PonteSchoolQuestionnaire extends PonteForm {
  override formId: FormId = 'school-questionnaire';

  /** the current school year and the school's hours of mediation in it, from Ponte's records (the school corrects them if need be) */
  protected override async prefiller(client: PonteClient): Promise<Prefiller> {
    const base = await super.prefiller(client);
    const used = this.publishableKey || this.token ? await client.organisations.hoursUsed.query({}).catch(() => null) : null;
    return (m) => {
      if (m?.kind !== 'questionnaire' || !used) return base(m);
      return { ...base(m), [m.schoolYear]: used.schoolYear, ...(m.mediationHours ? { [m.mediationHours]: Math.round((used.minutesDelivered / 60) * 2) / 2 } : {}) };
    };
  }
}
