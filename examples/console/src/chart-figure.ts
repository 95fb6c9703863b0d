import { html, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ConsoleElement, define } from './console-element.js';

/**
 * A figure of the Indicatori view: a bar chart and, beside it, the same
 * values as a table (with its caption and headers), which is what a screen
 * reader, a keyboard and a copy into a spreadsheet read; the chart is named
 * for what it shows and points to it. Any section that adds figures up
 * builds a FigureData and hands it to `<ponte-console-chart-figure>`.
 */
export interface FigureData {
  /** unique in the page: the table's and the chart's ids start with it */
  id: string;
  title: string;
  /** 'hours' values are hours, written "1,5 h" */
  unit: 'count' | 'hours';
  /** bars of a row on top of each other (parts of a whole) or side by side */
  stacked: boolean;
  /** the headings of the columns that name a row ('Organizzazione', 'Azione') */
  rowHeaders: string[];
  series: { key: string; label: string; color?: string }[];
  rows: { key: string; headers: string[]; values: number[]; extra?: string[] }[];
  /** a last row, under the rows (not charted) */
  totals?: number[];
  /** columns of the table only, after the series (a mean), each row's `extra` in the same order */
  extraColumns?: { key: string; label: string }[];
  /** the extra columns' totals, where adding up means something ('' where not) */
  extraTotals?: string[];
  /** what to say when there are no rows */
  empty: string;
}

/** Okabe and Ito's colours, told apart with any colour vision. */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

/** `n` blues from light to dark, for the points of a rating scale. */
export const scaleColors = (n: number): string[] => Array.from({ length: n }, (_, i) => `hsl(210 75% ${Math.round(82 - (i * 52) / Math.max(n - 1, 1))}%)`);

const count = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
/** 1.5 → "1,5 h"; 12 → "12". */
export const formatValue = (unit: FigureData['unit'], value: number): string => (unit === 'hours' ? `${count.format(value)} h` : count.format(value));

/** A label cut into lines of about `width` characters, so a long name does not squeeze the bars. */
function lines(label: string, width: number): string[] {
  const out: string[] = [];
  for (const word of label.split(' ')) {
    const last = out.at(-1);
    if (last !== undefined && last.length + word.length < width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

export class PonteChartFigure extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, figure: { attribute: false }, chartError: { state: true } };

  figure!: FigureData;
  private chartError = false;
  #chart: { destroy(): void } | undefined;
  #draws = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('figure')) void this.draw();
  }

  /** Loads Chart.js the first time (bar-chart.ts, a chunk of its own) and draws the figure's rows. */
  private async draw(): Promise<void> {
    const draw = ++this.#draws;
    this.#chart?.destroy();
    this.#chart = undefined;
    const canvas = this.querySelector('canvas');
    if (!canvas) return;
    try {
      const { drawBarChart } = await import('./bar-chart.js');
      if (draw !== this.#draws || !canvas.isConnected) return;
      const f = this.figure;
      this.#chart = drawBarChart(canvas, {
        labels: f.rows.map((r) => this.label(r.headers)),
        series: f.series.map((s, i) => ({ label: s.label, values: f.rows.map((r) => r.values[i] ?? 0), color: s.color ?? CATEGORY_COLORS[i % CATEGORY_COLORS.length]! })),
        stacked: f.stacked,
        format: (v) => formatValue(f.unit, v),
        integers: f.unit === 'count',
      });
    } catch {
      // Without the chart (its chunk failed to load) the table beside it still holds every value.
      this.chartError = true;
    }
  }

  /** How wide the figure is drawn: before its first layout, the window's width. */
  private width(): number {
    return this.clientWidth || window.innerWidth;
  }

  /** A bar's name in lines: narrower on a phone, where the bars need what room there is. */
  private label(headers: string[]): string[] {
    return headers.flatMap((h) => lines(h, this.width() < 600 ? 20 : 28));
  }

  /** Tall enough for every bar and its name's lines (14 px type), and for the axis and the legend under them. */
  private height(): number {
    const f = this.figure;
    const perRow = Math.max(f.stacked ? 36 : 16 * f.series.length + 16, ...f.rows.map((r) => 18 * this.label(r.headers).length + 12));
    const legendWidth = f.series.reduce((w, s) => w + 8 * s.label.length + 40, 0);
    return f.rows.length * perRow + 40 + 26 * Math.ceil(legendWidth / this.width());
  }

  protected override render() {
    const f = this.figure;
    const titleId = `${f.id}-title`;
    if (f.rows.length === 0) {
      return html`<div class="chart-figure">
        <h4 id=${titleId}>${f.title}</h4>
        <p class="empty">${f.empty}</p>
      </div>`;
    }
    const value = (v: number) => formatValue(f.unit, v);
    // A table of one or two columns of values fits beside its chart on a wide screen (site.css).
    const compact = f.series.length + (f.extraColumns?.length ?? 0) <= 2;
    return html`<div class="chart-figure ${compact ? 'compact' : ''}">
      <h4 id=${titleId}>${f.title}</h4>
      <div class="chart-box" style=${styleMap({ height: `${this.height()}px` })}>
        <canvas id="${f.id}-chart" role="img" aria-label="${f.title}: grafico a barre. I valori sono nella tabella che segue."></canvas>
      </div>
      ${this.chartError ? html`<p class="hint">Il grafico non si è potuto caricare: i valori sono nella tabella.</p>` : null}
      <div class="table-wrap" role="region" aria-labelledby="${f.id}-caption" tabindex="0">
        <table id="${f.id}-table" data-figure=${f.id}>
          <caption id="${f.id}-caption" class="visually-hidden">${f.title}: i valori del grafico</caption>
          <thead>
            <tr>
              ${f.rowHeaders.map((h) => html`<th scope="col">${h}</th>`)}
              ${f.series.map((s) => html`<th scope="col" class="num">${s.label}</th>`)}
              ${(f.extraColumns ?? []).map((c) => html`<th scope="col" class="num">${c.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${f.rows.map(
              (r) => html`<tr data-row=${r.key}>
                ${r.headers.map((h, i) => (i === 0 ? html`<th scope="row">${h}</th>` : html`<td>${h}</td>`))}
                ${f.series.map((s, i) => html`<td class="num" data-column=${s.key}>${value(r.values[i] ?? 0)}</td>`)}
                ${(r.extra ?? []).map((e, i) => html`<td class="num" data-column=${f.extraColumns?.[i]?.key ?? ''}>${e}</td>`)}
              </tr>`,
            )}
          </tbody>
          ${f.totals
            ? html`<tfoot>
                <tr data-row="totals">
                  <th scope="row" colspan=${f.rowHeaders.length}>Totale</th>
                  ${f.totals.map((t, i) => html`<td class="num" data-column=${f.series[i]?.key ?? ''}>${value(t)}</td>`)}
                  ${(f.extraColumns ?? []).map((c, i) =>
                    f.extraTotals?.[i] ? html`<td class="num" data-column=${c.key}>${f.extraTotals[i]}</td>` : html`<td></td>`,
                  )}
                </tr>
              </tfoot>`
            : null}
        </table>
      </div>
    </div>`;
  }
}

define('ponte-console-chart-figure', PonteChartFigure);
