import { html } from 'lit';
import { newIdempotencyKey, type PonteInputs, type PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { formatDateTime, inSentence, instantOf, localParts, modeLabel } from './format.js';

type Request = PonteOutputs['requests']['get'];
type Suggestions = PonteOutputs['coordination']['suggestMediators'];
type Suggestion = Suggestions['suggestions'][number];
type BookInput = PonteInputs['scheduling']['book'];

/**
 * The mediators matching suggests for a request (coordination.suggestMediators),
 * best first, each with its reasons and a booking ready from its draft: the
 * coordinator may move the start (a coordinator's booking is not held to the
 * mediator's declared hours) and books with "Prenota". Each booking carries an
 * idempotency key, kept for as long as its input stays the same, so pressing
 * again after a lost answer books nothing twice. Fires `ponte-request-changed`.
 */
export class PonteConsoleSuggestions extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, request: { attribute: false }, result: { state: true }, error: { state: true }, done: { state: true }, busy: { state: true } };

  request!: Request;
  private result: Suggestions | undefined;
  private error = '';
  private done = '';
  private busy = false;
  /** the key of the last attempt, with the input it was sent with */
  #attempt: { input: string; key: string } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.result = await this.session.client.coordination.suggestMediators.query({ requestId: this.request.id });
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  /** The suggestion's draft; when none of the proposed times is free for it, another's with this mediator, to be given a time. */
  private draftOf(s: Suggestion): BookInput | undefined {
    const draft = s.book ?? this.result?.suggestions.find((o) => o.book)?.book;
    return draft ? { ...draft, mediatorId: s.mediatorId } : undefined;
  }

  private keyFor(input: BookInput): string {
    const text = JSON.stringify(input);
    if (this.#attempt?.input !== text) this.#attempt = { input: text, key: newIdempotencyKey() };
    return this.#attempt.key;
  }

  private async book(event: SubmitEvent, s: Suggestion): Promise<void> {
    event.preventDefault();
    const draft = this.draftOf(s);
    if (!draft) return;
    const fields = new FormData(event.target as HTMLFormElement);
    const input: BookInput = {
      ...draft,
      start: instantOf(String(fields.get('date')), String(fields.get('time'))),
      durationMinutes: Number(fields.get('duration')),
      ...(fields.has('place') ? { place: String(fields.get('place')) } : {}),
    };
    this.busy = true;
    this.error = '';
    try {
      const booked = await this.session.client.scheduling.book.mutate({ ...input, idempotencyKey: this.keyFor(input) });
      this.#attempt = undefined;
      const first = booked.appointments[0]!;
      this.done = `Prenotato: ${s.displayName}, ${formatDateTime(first.startsAt)}.`;
      this.dispatchEvent(new CustomEvent('ponte-request-changed'));
    } catch (error) {
      this.error = this.errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private bookingForm(s: Suggestion) {
    const draft = this.draftOf(s);
    if (!draft) return html`<p>Nessun orario proposto è libero: prenota dal calendario.</p>`;
    const at = s.book ? localParts(s.book.start) : { date: '', time: '' };
    const id = `book-${s.rank}`;
    return html`<form class="inline-form booking" aria-label="Prenota ${s.displayName}" @submit=${(e: SubmitEvent) => this.book(e, s)}>
      ${draft.mode === 'in_person'
        ? html`<div class="field field-wide">
            <label for="${id}-place">Luogo</label>
            <input id="${id}-place" name="place" required maxlength="200" autocomplete="street-address" aria-describedby="${id}-place-hint" .value=${draft.place ?? ''} />
            <p class="hint" id="${id}-place-hint">Un indirizzo o un’aula, mai il nome di una persona: il luogo compare nei calendari.</p>
          </div>`
        : html`<p class="hint">${inSentence(modeLabel(draft.mode))}</p>`}
      <div class="field">
        <label for="${id}-date">Data</label>
        <input id="${id}-date" name="date" type="date" required .value=${at.date} />
      </div>
      <div class="field">
        <label for="${id}-time">Ora</label>
        <input id="${id}-time" name="time" type="time" required .value=${at.time} />
      </div>
      <div class="field">
        <label for="${id}-duration">Durata (minuti)</label>
        <input id="${id}-duration" name="duration" type="number" min="15" max="480" step="15" required .value=${String(draft.durationMinutes)} />
      </div>
      <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>Prenota</button>
    </form>`;
  }

  protected override render() {
    const result = this.result;
    return html`
      <section class="card suggestions" aria-labelledby="suggestions-title">
        <h3 id="suggestions-title">Mediatori suggeriti</h3>
        <p class="done" role="status">${this.done}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${result?.emptyReason ? html`<p>${result.emptyReason.message}</p>` : null}
        <ol class="suggestion-list">
          ${(result?.suggestions ?? []).map(
            (s) => html`<li class=${s.rank === 1 ? 'top' : ''}>
              <h4>${s.displayName}${s.rank === 1 ? html` <span class="tag">primo suggerito</span>` : null}</h4>
              <p>${s.explanation}</p>
              ${this.bookingForm(s)}
            </li>`,
          )}
        </ol>
      </section>
    `;
  }
}

define('ponte-console-suggestions', PonteConsoleSuggestions);
