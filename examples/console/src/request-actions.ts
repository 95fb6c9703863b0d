import { html } from 'lit';
import { formMeaning, requestActionsFrom, type RequestAction } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { inSentence, statusLabel } from './format.js';

type Request = PonteOutputs['requests']['get'];
type Move = Exclude<RequestAction, 'withdraw'>;

/** The moves a coordinator makes from the request's status: the lifecycle's own table (@ponte/forms); the server has the last word. */
function movesOf(r: Request): Move[] {
  return requestActionsFrom(r.status, 'reviewer').filter((a): a is Move => a !== 'withdraw');
}

/**
 * The hours a request asks for, as a starting point for the hours authorised:
 * duration × sessions (by the fields its form's meaning names; 60 minutes
 * and one session when it has none), in quarter hours.
 */
function askedHours(r: Request): number {
  const meaning = formMeaning(r.formId, r.formVersion);
  const at = (key: string | undefined) => (key && r.data ? r.data[key] : undefined);
  const asked = meaning?.kind === 'request' ? meaning : undefined;
  const minutes = Number(at(asked?.duration) ?? 60) * Number(at(asked?.sessions) ?? 1);
  return Number.isFinite(minutes) && minutes > 0 ? Math.ceil(minutes / 15) / 4 : 1;
}

/** Review, approve with hours, reject or cancel with a reason, close. Fires `ponte-request-changed`. */
export class PonteConsoleRequestActions extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, request: { attribute: false }, error: { state: true }, done: { state: true }, busy: { state: true } };

  request!: Request;
  private error = '';
  private done = '';
  private busy = false;

  private async move(move: Move, event?: Event): Promise<void> {
    event?.preventDefault();
    const id = this.request.id;
    const value = (selector: string) => this.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? '';
    const requests = this.session.client.requests;
    this.busy = true;
    this.error = '';
    try {
      const after =
        move === 'approve'
          ? await requests.approve.mutate({ id, hoursAuthorised: Number(value('#approve-hours')) })
          : move === 'reject' || move === 'cancel'
            ? await requests[move].mutate({ id, reason: value('#move-reason') })
            : await requests[move].mutate({ id });
      this.done = `Richiesta ${after.protocol}: ${inSentence(statusLabel(after.status))}.`;
      this.dispatchEvent(new CustomEvent('ponte-request-changed', { bubbles: false }));
    } catch (error) {
      this.error = this.errorText(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const moves = movesOf(this.request);
    const needsReason = moves.includes('reject') || moves.includes('cancel');
    return html`
      <p class="done" role="status">${this.done}</p>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
      ${moves.length === 0 ? html`<p>Nessuna azione da fare in questo stato.</p>` : null}
      ${moves.includes('review') ? html`<button class="btn btn-primary" type="button" ?disabled=${this.busy} @click=${() => this.move('review')}>Prendi in carico</button>` : null}
      ${moves.includes('close') ? html`<button class="btn btn-primary" type="button" ?disabled=${this.busy} @click=${() => this.move('close')}>Chiudi la richiesta</button>` : null}
      ${moves.includes('approve')
        ? html`<form class="inline-form" @submit=${(e: Event) => this.move('approve', e)}>
            <div class="field">
              <label for="approve-hours">Ore autorizzate</label>
              <input id="approve-hours" type="number" min="0.25" max="1000" step="0.25" required .value=${String(askedHours(this.request))} />
            </div>
            <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>Approva</button>
          </form>`
        : null}
      ${needsReason
        ? html`<form class="inline-form" @submit=${(e: Event) => e.preventDefault()}>
            <div class="field">
              <label for="move-reason">Motivo (lo legge chi ha chiesto)</label>
              <textarea id="move-reason" rows="2" maxlength="1000"></textarea>
            </div>
            ${moves.includes('reject') ? html`<button class="btn btn-outline" type="button" ?disabled=${this.busy} @click=${() => this.move('reject')}>Non accogliere</button>` : null}
            <button class="btn btn-outline danger" type="button" ?disabled=${this.busy} @click=${() => this.move('cancel')}>Annulla la richiesta</button>
          </form>`
        : null}
    `;
  }
}

define('ponte-console-request-actions', PonteConsoleRequestActions);
