import type { FormId } from '@ponte/forms';
import { PonteReportForm } from '../report/ponte-report-form.component.js';

/**
 * @summary A.4 report of a service session, filed by the signed-in mediator who held it (`appointment-id` and `token`).
 *
 * `<ponte-service-report appointment-id="…">`, with its `token` property set to the
 * mediator's bearer token: the form `service-report` fetched from the Ponte server
 * (newest version, or `form-version`) without the countersignature, which a
 * referent of the service adds later, drawn step by step with a summary step,
 * a draft kept for the tab only, and a confirmation. The session's date and
 * times come prefilled from the appointment. The report is filed against
 * that appointment (`reports.file`) by its own mediator, once it has
 * started: it is not a submission, and a publishable key cannot file it.
 * Without `appointment-id` the element says so and shows no form.
 *
 * Attributes: `appointment-id` (required: the mediator's appointment the
 * report is of), `api` (server URL; default: the origin the script came
 * from), `locale` (`it` | `en`; default `<html lang>`, then `it`),
 * `form-version`. Properties: `token` (required: the mediator's staff bearer
 * token, `pt_…`, from `auth.signIn`). Methods: `submit()`, `reset()`,
 * `reportValidity()`.
 *
 * @event ponte-submit - Before sending; cancelable. `detail`: `{ formId, version, data }`.
 * @event ponte-submitted - Filed. `detail`: the report `{ id, appointmentId, status: 'filed', outcome, countedMinutes, filedAt, … }`.
 * @event ponte-error - Filing failed. `detail`: `{ message, fieldErrors, code, httpStatus }`.
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
 * @csspart receipt - The confirmation after filing.
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
export class PonteServiceReport extends PonteReportForm {
  override formId: FormId = 'service-report';
}
