import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { describeError } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { downloadCsv } from './download.js';
import { formatDateTime, localParts } from './format.js';
import { formatNumber } from './key-figures.js';
import { calendarYears, QUARTERS, today } from './period.js';

/** The parts of the fund's quarterly sheet, in its order (packages/server/src/indicators/narrative.repository.ts NARRATIVE_PARTS). */
const PARTS = [
  { key: 'activities', label: 'Attività e prodotti', hint: 'Le attività svolte nel trimestre e i principali prodotti.' },
  { key: 'strengths', label: 'Punti di forza e fattori di successo', hint: '' },
  { key: 'deviations', label: 'Scostamenti dal cronoprogramma', hint: 'Che cosa non è andato come previsto, e perché.' },
  { key: 'problems', label: 'Problemi e soluzioni', hint: '' },
  { key: 'networks', label: 'Reti territoriali attivate', hint: 'Enti, associazioni e servizi con cui si è lavorato.' },
] as const;
type Part = (typeof PARTS)[number]['key'];
type Texts = Record<Part, string>;

/** The longest text of a part, as the server takes it (NARRATIVE_MAX_LENGTH). */
export const NARRATIVE_MAX_LENGTH = 4000;

const emptyTexts = (): Texts => ({ activities: '', strengths: '', deviations: '', problems: '', networks: '' });
const isPart = (key: string): key is Part => PARTS.some((p) => p.key === key);

/** A text's length against the most it may hold; how many are left once few are. */
function lengthNote(length: number): string {
  const left = NARRATIVE_MAX_LENGTH - length;
  const of = `${formatNumber(length)} caratteri su ${formatNumber(NARRATIVE_MAX_LENGTH)}`;
  return left <= 200 ? `${of}: ${left === 1 ? 'ne resta 1' : `ne restano ${formatNumber(left)}`}` : of;
}

/**
 * The narrative of the fund's quarterly monitoring sheet (the "scheda
 * procedurale": indicators.narrative, saveNarrative, quarterCsv): a calendar
 * quarter of its own, five texts of at most 4,000 characters, saved over the
 * revision read. When someone saved the quarter in between, nothing is
 * written (CONFLICT) and the page offers to read it again. Text written and
 * not saved stays with its quarter while another is looked at.
 */
export class PonteConsoleNarrative extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    year: { state: true },
    quarter: { state: true },
    texts: { state: true },
    loading: { state: true },
    saving: { state: true },
    status: { state: true },
    exported: { state: true },
    error: { state: true },
    conflict: { state: true },
    fieldErrors: { state: true },
  };

  private year = Number(today().slice(0, 4));
  private quarter = Math.ceil(Number(today().slice(5, 7)) / 3);
  private texts: Texts = emptyTexts();
  /** the revision read, which a save is written over; none for a quarter not written yet */
  private revision: number | undefined;
  private loading = true;
  private saving = false;
  private status = '';
  private exported = '';
  private error = '';
  private conflict = false;
  private fieldErrors: Partial<Record<Part, string>> = {};
  /** Changing the quarter asks at once, one arrow at a time: only the answer to the last may be shown. */
  #loads = 0;
  /** text written and not saved, by quarter, with the revision it was written over */
  #drafts = new Map<string, { texts: Texts; revision: number | undefined }>();

  private get key(): string {
    return `${this.year}-${this.quarter}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** The quarter's narrative as saved, or its draft when there is one (unless `fresh`). */
  private async load(fresh = false): Promise<void> {
    const load = ++this.#loads;
    const q = { year: this.year, quarter: this.quarter };
    this.loading = true;
    this.error = '';
    this.exported = '';
    this.conflict = false;
    this.fieldErrors = {};
    if (fresh) this.#drafts.delete(this.key);
    const draft = this.#drafts.get(this.key);
    if (draft) {
      this.texts = { ...draft.texts };
      this.revision = draft.revision;
      this.status = 'Testo non ancora salvato di questo trimestre, ripreso.';
      this.loading = false;
      return;
    }
    try {
      const saved = await this.session.client.indicators.narrative.query(q);
      if (load !== this.#loads) return;
      this.texts = saved ? Object.fromEntries(PARTS.map((p) => [p.key, saved[p.key]])) as Texts : emptyTexts();
      this.revision = saved?.revision;
      this.status = saved
        ? `${fresh ? 'Scheda ricaricata. ' : ''}Ultimo salvataggio: ${formatDateTime(saved.updatedAt)}, di ${saved.updatedBy}.`
        : 'Scheda non ancora scritta per questo trimestre.';
    } catch (error) {
      if (load !== this.#loads) return;
      this.texts = emptyTexts();
      this.revision = undefined;
      this.status = '';
      this.error = this.errorText(error);
    }
    this.loading = false;
  }

  private choose(which: 'year' | 'quarter', event: Event): void {
    this[which] = Number((event.target as HTMLSelectElement).value);
    void this.load();
  }

  private write(part: Part, event: Event): void {
    this.texts = { ...this.texts, [part]: (event.target as HTMLTextAreaElement).value };
    this.#drafts.set(this.key, { texts: this.texts, revision: this.revision });
    if (this.fieldErrors[part]) this.fieldErrors = { ...this.fieldErrors, [part]: undefined };
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving || this.loading) return;
    const load = this.#loads;
    const key = this.key;
    this.saving = true;
    this.error = '';
    this.conflict = false;
    this.fieldErrors = {};
    try {
      const saved = await this.session.client.indicators.saveNarrative.mutate({
        year: this.year,
        quarter: this.quarter,
        ...this.texts,
        ...(this.revision === undefined ? {} : { revision: this.revision }),
      });
      this.#drafts.delete(key);
      if (load !== this.#loads) return;
      this.revision = saved.revision;
      this.status = `Salvato alle ${localParts(saved.updatedAt).time}.`;
    } catch (error) {
      if (load !== this.#loads) return;
      await this.refused(error);
    } finally {
      this.saving = false;
    }
  }

  /** A refused save: someone saved in between, or a text the server would not take (said at its field), or anything else. */
  private async refused(error: unknown): Promise<void> {
    const { code, message, fieldErrors } = describeError(error, 'it');
    if (code === 'CONFLICT') {
      this.conflict = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#narrative-reload')?.focus();
      return;
    }
    const atFields = Object.fromEntries(Object.entries(fieldErrors).filter(([path]) => isPart(path))) as Partial<Record<Part, string>>;
    const first = PARTS.find((p) => atFields[p.key]);
    if (!first) {
      this.error = message;
      return;
    }
    this.fieldErrors = atFields;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#narrative-${first.key}`)?.focus();
  }

  private async reload(): Promise<void> {
    await this.load(true);
    this.querySelector<HTMLElement>(`#narrative-${PARTS[0].key}`)?.focus();
  }

  private async exportCsv(): Promise<void> {
    this.error = '';
    try {
      this.exported = downloadCsv(await this.session.client.indicators.quarterCsv.query({ year: this.year, quarter: this.quarter }));
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private field(part: (typeof PARTS)[number]) {
    const id = `narrative-${part.key}`;
    const problem = this.fieldErrors[part.key];
    const text = this.texts[part.key];
    return html`<div class="field">
      <label for=${id}>${part.label}</label>
      ${part.hint ? html`<span id="${id}-hint" class="hint">${part.hint}</span>` : null}
      <textarea
        id=${id}
        name=${part.key}
        rows="6"
        maxlength=${NARRATIVE_MAX_LENGTH}
        aria-describedby="${part.hint ? `${id}-hint ` : ''}${id}-count${problem ? ` ${id}-error` : ''}"
        aria-invalid=${problem ? 'true' : 'false'}
        ?readonly=${this.loading}
        .value=${live(text)}
        @input=${(e: Event) => this.write(part.key, e)}
      ></textarea>
      <span id="${id}-count" class="hint char-count">${lengthNote(text.length)}</span>
      ${problem ? html`<span id="${id}-error" class="field-error">${problem}</span>` : null}
    </div>`;
  }

  protected override render() {
    const state = this.loading ? 'loading' : this.saving ? 'saving' : 'ready';
    return html`
      <section class="indicators-section" aria-labelledby="narrative-title" data-state=${state} data-quarter=${this.key} data-revision=${this.revision ?? ''}>
        <div class="section-head">
          <h3 id="narrative-title" tabindex="-1">Scheda trimestrale</h3>
          <button class="btn btn-outline" type="button" ?disabled=${this.loading} @click=${this.exportCsv}>Scarica CSV del trimestre</button>
        </div>
        <p class="hint explain">
          Il testo della scheda procedurale del fondo per un trimestre. Il file CSV contiene il testo salvato e gli interventi e le ore del
          trimestre.
        </p>
        <div class="filters narrative-quarter">
          <div class="field">
            <label for="narrative-year">Anno della scheda</label>
            <select id="narrative-year" @change=${(e: Event) => this.choose('year', e)}>
              ${calendarYears().map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="narrative-quarter">Trimestre della scheda</label>
            <select id="narrative-quarter" @change=${(e: Event) => this.choose('quarter', e)}>
              ${QUARTERS.map(([q, label]) => html`<option value=${q} ?selected=${q === this.quarter}>${label}</option>`)}
            </select>
          </div>
        </div>
        <p class="count" role="status">${this.exported}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${this.conflict
          ? html`<div class="alert" role="alert">
              <p>
                Qualcun altro ha salvato la scheda di questo trimestre mentre la scrivevi: il tuo testo non è stato salvato. Ricarica la scheda per
                leggere la versione salvata, poi riporta le tue modifiche (copia prima il tuo testo, se ti serve).
              </p>
              <button id="narrative-reload" class="btn btn-outline" type="button" @click=${this.reload}>Ricarica la scheda</button>
            </div>`
          : null}
        <form class="narrative" aria-labelledby="narrative-title" novalidate @submit=${this.save}>
          ${PARTS.map((p) => this.field(p))}
          <div class="actions">
            <button class="btn btn-primary" type="submit" ?disabled=${this.loading || this.saving}>Salva la scheda</button>
            <p id="narrative-status" class="save-status" role="status" aria-live="polite">${this.loading ? 'Caricamento…' : this.saving ? 'Salvataggio…' : this.status}</p>
          </div>
        </form>
      </section>
    `;
  }
}

define('ponte-console-narrative', PonteConsoleNarrative);
