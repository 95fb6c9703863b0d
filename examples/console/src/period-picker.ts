import { html } from 'lit';
import { PLAN_ACTIONS, type PlanAction } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { actionLabel } from './format.js';
import {
  calendarYears,
  PERIOD_KINDS,
  periodDates,
  QUARTERS,
  rangeProblem,
  schoolYearOf,
  schoolYears,
  today,
  type IndicatorsQuery,
  type Period,
  type PeriodKind,
} from './period.js';

type Organisation = PonteOutputs['organisations']['list'][number];

/**
 * The period and the filters of the Indicatori view: a school year, a
 * calendar year, a quarter or a range of dates, an AZIONE and an
 * organisation. Nothing is asked of the server until "Mostra" (or Enter):
 * typing a date moves through incomplete ones. Fires `ponte-period-change`
 * with the IndicatorsQuery (period.ts).
 */
export class PontePeriodPicker extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    organisations: { attribute: false },
    kind: { state: true },
    problem: { state: true },
  };

  organisations: Organisation[] = [];
  private kind: PeriodKind = 'schoolYear';
  private problem = '';

  private value(id: string): string {
    return this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? '';
  }

  private period(): Period {
    switch (this.kind) {
      case 'schoolYear':
        return { kind: 'schoolYear', schoolYear: this.value('period-school-year') };
      case 'year':
        return { kind: 'year', year: Number(this.value('period-year')) };
      case 'quarter':
        return { kind: 'quarter', year: Number(this.value('period-quarter-year')), quarter: Number(this.value('period-quarter')) as 1 | 2 | 3 | 4 };
      case 'range':
        return { kind: 'range', from: this.value('period-from'), to: this.value('period-to') };
    }
  }

  /** The kind of period decides which controls follow; nothing is asked of the server yet. */
  private changeKind(kind: PeriodKind): void {
    this.kind = kind;
    this.problem = '';
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const period = this.period();
    if (period.kind === 'range') {
      this.problem = rangeProblem(period.from, period.to) ?? '';
      if (this.problem) {
        // To the field to mend: the start while it is missing, else the end.
        await this.updateComplete;
        this.querySelector<HTMLElement>(period.from ? '#period-to' : '#period-from')?.focus();
        return;
      }
    }
    const action = this.value('period-action') as PlanAction | '';
    const organisationId = this.value('period-organisation');
    const detail: IndicatorsQuery = { period, ...periodDates(period), ...(action ? { action } : {}), ...(organisationId ? { organisationId } : {}) };
    this.dispatchEvent(new CustomEvent('ponte-period-change', { detail, bubbles: true }));
  }

  private select(id: string, label: string, options: [string | number, string][], selected?: string | number, change?: (value: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => change?.((e.target as HTMLSelectElement).value)}>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === selected}>${text}</option>`)}
      </select>
    </div>`;
  }

  /** The controls of the chosen kind of period, opening on the one that holds today. */
  private periodFields() {
    const now = today();
    const year = Number(now.slice(0, 4));
    switch (this.kind) {
      case 'schoolYear':
        return this.select('period-school-year', 'Anno scolastico', schoolYears().map((y) => [y, y]), schoolYearOf(now));
      case 'year':
        return this.select('period-year', 'Anno', calendarYears().map((y) => [y, String(y)]), year);
      case 'quarter':
        return html`${this.select('period-quarter-year', 'Anno', calendarYears().map((y) => [y, String(y)]), year)}
        ${this.select('period-quarter', 'Trimestre', QUARTERS, Math.ceil(Number(now.slice(5, 7)) / 3))}`;
      case 'range': {
        const invalid = this.problem ? 'true' : 'false';
        return html`<div class="field">
            <label for="period-from">Dal</label>
            <input id="period-from" type="date" min="2000-01-01" max="2099-12-31" aria-invalid=${invalid} aria-describedby="period-problem" />
          </div>
          <div class="field">
            <label for="period-to">Al</label>
            <input id="period-to" type="date" min="2000-01-01" max="2099-12-31" aria-invalid=${invalid} aria-describedby="period-problem" />
          </div>`;
      }
    }
  }

  protected override render() {
    return html`
      <form class="filters period-picker" aria-label="Periodo e filtri degli indicatori" novalidate @submit=${this.submit}>
        ${this.select('period-kind', 'Periodo', PERIOD_KINDS, this.kind, (kind) => this.changeKind(kind as PeriodKind))}
        ${this.periodFields()}
        ${this.select('period-action', 'Azione', [['', 'Tutte le azioni'], ...PLAN_ACTIONS.map((a): [string, string] => [a, actionLabel(a)])])}
        ${this.select('period-organisation', 'Organizzazione', [['', 'Tutte le organizzazioni'], ...this.organisations.map((o): [string, string] => [o.id, o.name])])}
        <p id="period-problem" class="field-error" role="alert">${this.problem}</p>
        <div class="actions"><button class="btn btn-primary" type="submit">Mostra gli indicatori</button></div>
      </form>
    `;
  }
}

define('ponte-console-period-picker', PontePeriodPicker);
