import { html } from 'lit';
import type { FormDefinition } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { downloadCsv } from './download.js';
import { formatDateTime } from './format.js';
import { schoolYearOf, schoolYears, today } from './period.js';
import { questionnaireFigures, type QuestionnaireFigures, type QuestionnaireResults } from './questionnaire-figures.js';
import './chart-figure.js';

type Organisation = PonteOutputs['organisations']['list'][number];

const number = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });

/**
 * The school questionnaire of a school year (indicators.questionnaire): the
 * schools that answered, then every question added up, labelled from the
 * form's definition (forms.get, the version the results were counted by):
 * counts in a table, yes/no questions, choices, pupils by level and by
 * citizenship and ratings as figures, free text by school; the answers as a
 * CSV file, a line per school (indicators.questionnaireCsv). Its school
 * year is its own: the questionnaire is answered once a year, whatever
 * period the activity above covers.
 */
export class PonteConsoleQuestionnaire extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    organisations: { attribute: false },
    results: { state: true },
    figures: { state: true },
    loading: { state: true },
    error: { state: true },
    exported: { state: true },
  };

  organisations: Organisation[] = [];
  private schoolYear = schoolYearOf(today());
  private results: QuestionnaireResults | undefined;
  private figures: QuestionnaireFigures | undefined;
  private loading = true;
  private error = '';
  private exported = '';
  /** Arrows in the year's list ask once per key: only the answer to the last may be drawn. */
  #loads = 0;
  #definitions = new Map<number, Promise<FormDefinition>>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private definition(version: number): Promise<FormDefinition> {
    let def = this.#definitions.get(version);
    if (!def) {
      def = this.session.client.forms.get.query({ id: 'school-questionnaire', version }) as Promise<FormDefinition>;
      this.#definitions.set(version, def);
    }
    return def;
  }

  private async load(): Promise<void> {
    const load = ++this.#loads;
    this.loading = true;
    this.error = '';
    this.exported = '';
    try {
      const results = await this.session.client.indicators.questionnaire.query({ schoolYear: this.schoolYear });
      const figures = questionnaireFigures(results, await this.definition(results.version));
      if (load !== this.#loads) return;
      this.results = results;
      this.figures = figures;
    } catch (error) {
      if (load !== this.#loads) return;
      this.#definitions.clear();
      this.error = this.errorText(error);
      this.results = undefined;
      this.figures = undefined;
    }
    this.loading = false;
  }

  private async exportCsv(): Promise<void> {
    this.error = '';
    try {
      this.exported = downloadCsv(await this.session.client.indicators.questionnaireCsv.query({ schoolYear: this.schoolYear }));
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private choose(event: Event): void {
    this.schoolYear = (event.target as HTMLSelectElement).value;
    void this.load();
  }

  private name(id: string): string {
    return this.organisations.find((o) => o.id === id)?.name ?? id;
  }

  private schools(results: QuestionnaireResults) {
    if (results.schools.length === 0) return null;
    return html`<div class="table-wrap" role="region" aria-labelledby="questionnaire-schools-caption" tabindex="0">
      <table class="questionnaire-schools">
        <caption id="questionnaire-schools-caption">Scuole che hanno risposto</caption>
        <thead>
          <tr>
            <th scope="col">Scuola</th>
            <th scope="col">Protocollo</th>
            <th scope="col">Ultima risposta</th>
            <th scope="col" class="num">Correzioni</th>
          </tr>
        </thead>
        <tbody>
          ${results.schools.map(
            (s) => html`<tr data-organisation=${s.organisationId}>
              <th scope="row">${this.name(s.organisationId)}</th>
              <td>${s.protocol}</td>
              <td>${formatDateTime(s.answeredAt)}</td>
              <td class="num">${s.corrections}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private numbers(figures: QuestionnaireFigures) {
    if (figures.numbers.length === 0) return null;
    return html`<div class="table-wrap" role="region" aria-labelledby="questionnaire-numbers-caption" tabindex="0">
      <table>
        <caption id="questionnaire-numbers-caption">Valori numerici</caption>
        <thead>
          <tr>
            <th scope="col">Domanda</th>
            <th scope="col" class="num">Risposte</th>
            <th scope="col" class="num">Somma</th>
            <th scope="col" class="num">Media</th>
          </tr>
        </thead>
        <tbody>
          ${figures.numbers.map(
            (n) => html`<tr data-row=${n.key}>
              <th scope="row">${n.label}</th>
              <td class="num">${n.answered}</td>
              <td class="num">${number.format(n.sum)}</td>
              <td class="num">${n.mean === null ? '—' : number.format(n.mean)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private texts(figures: QuestionnaireFigures) {
    return figures.texts.map(
      (t) => html`<div class="free-texts">
        <h4>${t.label}</h4>
        ${t.texts.length === 0
          ? html`<p class="empty">Nessuna risposta.</p>`
          : html`<ul>
              ${t.texts.map((x) => html`<li><strong>${this.name(x.organisationId)}</strong>: ${x.text}</li>`)}
            </ul>`}
      </div>`,
    );
  }

  protected override render() {
    const { results, figures } = this;
    const answered = results?.schools.length ?? 0;
    return html`
      <section class="indicators-section" aria-labelledby="questionnaire-title" data-state=${this.loading ? 'loading' : 'ready'} data-school-year=${this.schoolYear}>
        <div class="section-head">
          <h3 id="questionnaire-title" tabindex="-1">Questionario delle scuole</h3>
          <button class="btn btn-outline" type="button" ?disabled=${this.loading || answered === 0} @click=${this.exportCsv}>Scarica CSV del questionario</button>
        </div>
        <div class="field narrow">
          <label for="questionnaire-year">Anno scolastico del questionario</label>
          <select id="questionnaire-year" @change=${this.choose}>
            ${schoolYears().map((y) => html`<option value=${y} ?selected=${y === this.schoolYear}>${y}</option>`)}
          </select>
        </div>
        <p class="count" role="status">
          ${this.loading ? 'Caricamento…' : results ? (answered === 1 ? '1 scuola ha risposto.' : `${answered} scuole hanno risposto.`) : ''}
        </p>
        <p class="count" role="status">${this.exported}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${results && figures && answered > 0
          ? html`${this.schools(results)} ${this.numbers(figures)}
            ${figures.figures.map((f) => html`<ponte-console-chart-figure .figure=${f}></ponte-console-chart-figure>`)} ${this.texts(figures)}`
          : null}
      </section>
    `;
  }
}

define('ponte-console-questionnaire', PonteConsoleQuestionnaire);
