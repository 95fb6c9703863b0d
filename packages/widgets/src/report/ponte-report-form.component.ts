import type { PropertyDeclarations, PropertyValues } from 'lit';
import { mediatorReportForm, type FormDefinition } from '@ponte/forms';
import type { PonteClient } from '@ponte/sdk';
import { DraftStore } from '../internal/draft-store.js';
import type { Prefiller } from '../form/initial-answers.js';
import type { Organisation } from '../form/organisation.js';
import { PonteForm } from '../form/ponte-form.component.js';
import type { Sent } from '../form/render-review.js';
import { bookedSession, type BookedSession } from './booked-session.js';

/**
 * A PonteForm that, given `appointment-id` and the mediator's `token`, files
 * a mediator's report (A.2, A.4) against that appointment (reports.file)
 * rather than sending it as a submission: drawn without the
 * countersignature, which the requester adds later, with the session's date
 * and times prefilled as booked, and its draft kept for the tab only.
 * Without `appointment-id` it is a PonteForm: a report is refused (the
 * element says it needs its appointment), any other form is sent as a
 * submission. The report widgets are this element with a fixed form id, and
 * so is `<ponte-form>`, which draws any form by id.
 *
 * @summary A Ponte form that, given `appointment-id`, files a mediator's report against that appointment.
 *
 * @event ponte-submit - Before sending; cancelable. `detail`: `{ formId, version, data }`.
 * @event ponte-submitted - The server stored the form. `detail`: with `appointment-id`, the filed report `{ id, status, filedAt, … }`; else the receipt `{ protocol, trackingCode, status, submittedAt }`.
 * @event ponte-error - A send failed. `detail`: `describeError()` output `{ message, fieldErrors, code, httpStatus }`.
 *
 * Its parts (`@csspart`) and theming tokens (`@cssproperty`) are PonteForm's.
 */
export class PonteReportForm extends PonteForm {
  static override properties: PropertyDeclarations = { appointmentId: { attribute: 'appointment-id' } };

  /**
   * A mediator's report (A.2, A.4) of one of their appointments: filed
   * against it (reports.file) rather than sent as a submission, and drawn
   * without the countersignature, which the requester adds later.
   */
  appointmentId?: string;

  protected override loadsOn(changed: PropertyValues): boolean {
    return changed.has('appointmentId') || super.loadsOn(changed);
  }

  protected override formToFill(def: FormDefinition): FormDefinition | undefined {
    return this.appointmentId ? mediatorReportForm(def) : super.formToFill(def);
  }

  /** the session's date and times as booked: the server holds the report's date to the appointment's */
  protected override async prefiller(client: PonteClient): Promise<Prefiller> {
    if (!this.appointmentId) return super.prefiller(client);
    // A prefill only: without it the mediator types the date, as on paper.
    const b = await bookedSession(client, this.appointmentId).catch((): Partial<BookedSession> => ({}));
    return (m) => (m?.kind === 'report' ? { [m.session.date]: b.date, [m.session.start]: b.start, [m.session.end]: b.end } : {});
  }

  /** A report's draft may hold a consultation's (A.5) notes: kept for the tab only, as special-category forms'. */
  protected override draftStore(def: FormDefinition, organisation: Organisation | null): DraftStore {
    return this.appointmentId ? new DraftStore(DraftStore.keyFor(def.id, def.version, this.appointmentId), () => sessionStorage) : super.draftStore(def, organisation);
  }

  /** A report filed twice answers CONFLICT (one per appointment): no idempotency key needed. */
  protected override deliver(def: FormDefinition, data: Record<string, unknown>): Promise<Sent> {
    return this.appointmentId ? this.client.reports.file.mutate({ appointmentId: this.appointmentId, data, version: def.version }) : super.deliver(def, data);
  }
}
