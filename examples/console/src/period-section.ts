import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import type { FigureData } from './chart-figure.js';
import { ConsoleElement } from './console-element.js';
import { downloadCsv } from './download.js';
import { periodInput, type IndicatorsQuery } from './period.js';
import './chart-figure.js';

type Organisation = PonteOutputs['organisations']['list'][number];
export type PeriodInput = ReturnType<typeof periodInput>;
export type CsvFile = { filename: string; content: string };

/**
 * What a section of the Indicatori view drawn for the chosen period shares:
 * it asks the API again whenever the query changes (only the answer to the
 * last query is drawn), builds its figures from the answer, and downloads
 * the same period as a CSV file. A section says what it asks for (`read`,
 * `readCsv`), how to draw it (`figuresOf`, `body`), its heading and its
 * export button's words.
 */
export abstract class PeriodSection<T> extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    query: { attribute: false },
    organisations: { attribute: false },
    data: { state: true },
    loading: { state: true },
    error: { state: true },
    exported: { state: true },
  };

  query!: IndicatorsQuery;
  organisations: Organisation[] = [];
  protected data: T | undefined;
  /** drawn from the answer and the organisations' names, anew only when either changes: a new figure is a new chart */
  protected figures: FigureData[] = [];
  protected loading = true;
  protected error = '';
  protected exported = '';
  /** A new period may be chosen before the last one's answer: only the answer to the last may be drawn. */
  #loads = 0;

  /** the section's id: its heading is `${id}-title` */
  protected abstract readonly sectionId: string;
  protected abstract readonly heading: string;
  /** the export button's words */
  protected abstract readonly csvLabel: string;
  protected abstract read(input: PeriodInput): Promise<T>;
  protected abstract readCsv(input: PeriodInput): Promise<CsvFile>;
  protected abstract figuresOf(data: T): FigureData[];
  /** the answer drawn: key figures, notes and `this.figures`, each through `chart()` */
  protected abstract body(data: T): TemplateResult;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query')) void this.load();
    if (changed.has('data') || changed.has('organisations')) this.figures = this.data ? this.figuresOf(this.data) : [];
  }

  private async load(): Promise<void> {
    const load = ++this.#loads;
    this.loading = true;
    this.error = '';
    this.exported = '';
    try {
      const data = await this.read(periodInput(this.query));
      if (load !== this.#loads) return;
      this.data = data;
    } catch (error) {
      if (load !== this.#loads) return;
      this.data = undefined;
      this.error = this.errorText(error);
    }
    this.loading = false;
  }

  private async exportCsv(): Promise<void> {
    this.error = '';
    try {
      this.exported = downloadCsv(await this.readCsv(periodInput(this.query)));
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  /** A figure: its chart over its table. */
  protected chart(f: FigureData | undefined) {
    return f ? html`<ponte-console-chart-figure .figure=${f}></ponte-console-chart-figure>` : null;
  }

  protected name(id: string): string {
    return this.organisations.find((o) => o.id === id)?.name ?? id;
  }

  protected override render() {
    const id = this.sectionId;
    const q = this.query;
    return html`
      <section
        class="indicators-section"
        aria-labelledby="${id}-title"
        data-state=${this.loading ? 'loading' : 'ready'}
        data-from=${q.from}
        data-to=${q.to}
        data-query=${JSON.stringify(periodInput(q))}
      >
        <div class="section-head">
          <h3 id="${id}-title" tabindex="-1">${this.heading}</h3>
          <button class="btn btn-outline" type="button" ?disabled=${this.loading || !this.data} @click=${this.exportCsv}>${this.csvLabel}</button>
        </div>
        <p class="count" role="status">${this.loading ? 'Caricamento…' : this.exported}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${this.data ? this.body(this.data) : null}
      </section>
    `;
  }
}
