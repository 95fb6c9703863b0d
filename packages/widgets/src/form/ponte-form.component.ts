import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { FormDefinition, FormId } from '@ponte/forms';
import { describeError, type PonteClient } from '@ponte/sdk';
import { DraftStore } from '../internal/draft-store.js';
import { resolveLocale } from '../internal/locale.js';
import { ClientHolder } from '../internal/ponte-client.js';
import { ui } from '../internal/ui-messages.js';
import type { Prefiller } from './initial-answers.js';
import type { Organisation } from './organisation.js';
import { PonteFormStepper } from './ponte-form-stepper.component.js';
import type { Sent } from './render-review.js';

/**
 * Draws any Ponte form definition, fetched by id (forms.get), as a
 * step-by-step form (Designers Italia "flussi di servizio"): steps, summary
 * ("Riepilogo"), "Conferma e invia", receipt. It is sent as a submission
 * (submissions.submit) with a publishable key, or a staff `token`: the
 * request widgets and the questionnaire are this element with a fixed form
 * id. A mediator's report (A.2, A.4) is filed against its appointment
 * instead, by PonteReportForm, which the report widgets and `<ponte-form>`
 * are.
 *
 * @summary A Ponte form, fetched from the server by id and rendered step by step.
 *
 * @event ponte-submit - Before sending; cancelable. `detail`: `{ formId, version, data }`.
 * @event ponte-submitted - The server stored the form. `detail`: the receipt `{ protocol, trackingCode, status, submittedAt }`.
 * @event ponte-error - A send failed. `detail`: `describeError()` output `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart form - The native form element.
 * @csspart steps - The step indicator (an ordered list).
 * @csspart field - One field: label, hint, error and control(s).
 * @csspart label - A field's label or legend.
 * @csspart control - An input, select or textarea.
 * @csspart hint - A field's help text.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors shown on Next and on send.
 * @csspart summary - The summary step listing every answer.
 * @csspart actions - The row of navigation buttons.
 * @csspart submit - The primary button (Avanti, Conferma e invia).
 * @csspart receipt - The receipt shown after sending.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Buttons, focus ring, links.
 * @cssproperty [--ponte-color-text=var(--bs-body-color, #1a1a1a)] - Text.
 * @cssproperty [--ponte-color-muted=#5c6f82] - Hints and secondary text.
 * @cssproperty [--ponte-color-danger=var(--bs-danger, #cc334d)] - Errors.
 * @cssproperty [--ponte-color-success=var(--bs-success, #008055)] - The receipt.
 * @cssproperty [--ponte-color-border=#5c6f82] - Control borders.
 * @cssproperty [--ponte-color-background=var(--bs-body-bg, #fff)] - Background of controls and lists.
 * @cssproperty [--ponte-font-family=var(--bs-body-font-family, "Titillium Web", …)] - Font (never downloaded by the widget).
 * @cssproperty [--ponte-radius=var(--bs-border-radius, 4px)] - Corner radius.
 * @cssproperty [--ponte-focus-color=#ff9900] - Focus outline (Bootstrap Italia's focus colour).
 */
export class PonteForm extends PonteFormStepper {
  // Declared here rather than with decorators: a table is smaller in the
  // bundle than a decorator call each (docs/architecture.md#bundles-and-budgets).
  static override properties: PropertyDeclarations = {
    formId: { attribute: 'form-id' },
    api: {},
    publishableKey: { attribute: 'publishable-key' },
    formVersion: { attribute: 'form-version', type: Number },
    token: { attribute: false },
    organisationId: { attribute: false },
  };

  /** which form to draw: 'school-request', 'school-report', … */
  formId: FormId = 'school-request';
  /** the Ponte server's base URL; by default the origin the script was loaded from */
  api?: string;
  /** the organisation's publishable key (`pk_…`): requests and the questionnaire, not reports */
  publishableKey?: string;
  /** a released version of the form; the newest when absent */
  formVersion?: number;
  /** a staff bearer token (`pt_…`), for mediators' reports and staff sending */
  token?: string;
  /** staff only: the organisation a request is sent for (a coordinator sending for a school); reports take none */
  organisationId?: string;

  #loads = 0;

  readonly #clients = new ClientHolder(() => ({
    api: this.api,
    publishableKey: this.publishableKey,
    token: () => this.token,
    locale: () => resolveLocale(this.locale),
  }));

  /** the SDK client for `api`, `publishable-key` and `token` */
  protected get client(): PonteClient {
    return this.#clients.client;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.loadsOn(changed)) void this.load();
  }

  /**
   * Whether these changes fetch the form again: those of the properties
   * declared here (which form, from which server, for whom); a change of
   * language only draws it again.
   */
  protected loadsOn(changed: PropertyValues): boolean {
    return Object.keys(PonteForm.properties).some((key) => changed.has(key));
  }

  // ---- where the form comes from ----

  protected override async load(): Promise<void> {
    const load = ++this.#loads;
    this.phase = 'loading';
    const client = this.client;
    try {
      const [def, organisation, prefill] = await Promise.all([
        client.forms.get.query({ id: this.formId, ...(this.formVersion ? { version: this.formVersion } : {}) }),
        this.#loadOrganisation().catch(() => null),
        this.prefiller(client),
      ]);
      if (load !== this.#loads) return;
      const toFill = this.formToFill(def);
      if (toFill) return this.fill(toFill, organisation, prefill, this.draftStore(def, organisation));
      // The one form refused: a report, which is filed against its appointment (reports.file).
      this.sendError = { message: ui('needsAppointment', resolveLocale(this.locale)), fieldErrors: {}, code: null, httpStatus: null };
    } catch (error) {
      if (load !== this.#loads) return;
      this.sendError = describeError(error, resolveLocale(this.locale));
    }
    this.phase = 'failed';
  }

  async #loadOrganisation(): Promise<Organisation | null> {
    const client = this.client;
    if (this.token && this.organisationId) return client.organisations.get.query({ id: this.organisationId });
    if (!this.token && !this.publishableKey) return null;
    return client.organisations.current.query();
  }

  /**
   * `def` as this element fills it in, or undefined when it cannot send it:
   * a report, which is filed against its appointment, is not a submission.
   */
  protected formToFill(def: FormDefinition): FormDefinition | undefined {
    return def.filledBy === 'mediator' ? undefined : def;
  }

  /**
   * Fetched beside the definition: how the form is prefilled. Here with the
   * organisation's school code, where the form asks for one (correctable).
   */
  protected prefiller(_client: PonteClient): Prefiller | Promise<Prefiller> {
    return (m) => (m?.kind !== 'report' && m?.schoolCode ? { [m.schoolCode]: this.organisation?.mechanographicCode } : {});
  }

  /**
   * Where the draft of `def` is kept on this device: one per form, version
   * and sending organisation, so that two schools sharing a computer do not
   * see each other's; a special-category form's (A.5) dies with the tab,
   * never lingering on a shared office computer.
   */
  protected draftStore(def: FormDefinition, organisation: Organisation | null): DraftStore {
    const owner = this.publishableKey ?? this.organisationId ?? organisation?.id ?? 'staff';
    return new DraftStore(DraftStore.keyFor(def.id, def.version, owner), def.specialCategory ? () => sessionStorage : () => localStorage);
  }

  // ---- where the form goes ----

  protected override deliver(def: FormDefinition, data: Record<string, unknown>): Promise<Sent> {
    return this.client.submissions.submit.mutate({
      formId: def.id,
      version: def.version,
      data,
      idempotencyKey: this.idempotencyKey,
      website: this.honeypot,
      ...(this.token && this.organisationId ? { organisationId: this.organisationId } : {}),
    });
  }
}
