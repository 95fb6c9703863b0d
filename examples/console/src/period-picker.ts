import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { APPOINTMENT_MODES, isLanguageCode, languageName, PLAN_ACTIONS, type AppointmentMode, type PlanAction } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { actionLabel, capitalised, modeLabel } from './format.js';
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

/** The language select's last choice: a code typed in a field of its own. */
const OTHER_LANGUAGE = 'other';

/**
 * The period and the filters of the Indicatori view: a school year, a
 * calendar year, a quarter or a range of dates, an AZIONE, an organisation,
 * the language asked for (one the Ambito's requests use, or any ISO 639-3
 * code typed) and the mode. Nothing is asked of the server until "Mostra"
 * (or Enter): typing a date moves through incomplete ones. Fires
 * `ponte-period-change` with the IndicatorsQuery (period.ts).
 */
export class PontePeriodPicker extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    organisations: { attribute: false },
    languages: { attribute: false },
    kind: { state: true },
    otherLanguage: { state: true },
    problem: { state: true },
    problemAt: { state: true },
  };

  organisations: Organisation[] = [];
  /** the languages (ISO 639-3) the Ambito's requests asked for */
  languages: string[] = [];
  private kind: PeriodKind = 'schoolYear';
  private otherLanguage = false;
  private problem = '';
  /** the field the problem is about: the range's dates or the typed language */
  private problemAt: 'range' | 'language' | '' = '';

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
    this.problemAt = '';
  }

  private changeLanguage(value: string): void {
    this.otherLanguage = value === OTHER_LANGUAGE;
    if (this.problemAt === 'language') {
      this.problem = '';
      this.problemAt = '';
    }
  }

  /** The language chosen: '' for any, else a code of the list or the one typed (lower case, trimmed). */
  private language(): string {
    const chosen = this.value('period-language');
    return chosen === OTHER_LANGUAGE ? this.value('period-language-code').trim().toLowerCase() : chosen;
  }

  /** Shows a problem at its field and moves there. */
  private async refuse(problem: string, at: 'range' | 'language', field: string): Promise<void> {
    this.problem = problem;
    this.problemAt = at;
    await this.updateComplete;
    this.querySelector<HTMLElement>(field)?.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const period = this.period();
    this.problem = '';
    this.problemAt = '';
    if (period.kind === 'range') {
      const problem = rangeProblem(period.from, period.to);
      // To the field to mend: the start while it is missing, else the end.
      if (problem) return this.refuse(problem, 'range', period.from ? '#period-to' : '#period-from');
    }
    const language = this.language();
    if (this.otherLanguage && !isLanguageCode(language)) {
      return this.refuse('Scrivi il codice ISO 639-3 della lingua: tre lettere, per esempio «tir» per il tigrino.', 'language', '#period-language-code');
    }
    const action = this.value('period-action') as PlanAction | '';
    const organisationId = this.value('period-organisation');
    const mode = this.value('period-mode') as AppointmentMode | '';
    const detail: IndicatorsQuery = {
      period,
      ...periodDates(period),
      ...(action ? { action } : {}),
      ...(organisationId ? { organisationId } : {}),
      ...(language ? { language } : {}),
      ...(mode ? { mode } : {}),
    };
    this.dispatchEvent(new CustomEvent('ponte-period-change', { detail, bubbles: true }));
  }

  /** A select; its options keyed, so that one chosen stays chosen when the list arrives or grows (organisations, languages). */
  private select(id: string, label: string, options: [string | number, string][], selected?: string | number, change?: (value: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => change?.((e.target as HTMLSelectElement).value)}>
        ${repeat(
          options,
          ([value]) => value,
          ([value, text]) => html`<option value=${value} ?selected=${value === selected}>${text}</option>`,
        )}
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
        const invalid = this.problemAt === 'range' ? 'true' : 'false';
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

  /**
   * The languages the requests asked for, by their Italian names, and a last
   * choice for any other: its ISO 639-3 code typed in a field that appears
   * under it.
   */
  private languageFields() {
    const byName = this.languages.map((code): [string, string] => [code, capitalised(languageName(code, 'it'))]).sort((a, b) => a[1].localeCompare(b[1], 'it'));
    const invalid = this.problemAt === 'language' ? 'true' : 'false';
    return html`${this.select(
        'period-language',
        'Lingua richiesta',
        [['', 'Tutte le lingue'], ...byName, [OTHER_LANGUAGE, 'Altra lingua…']],
        undefined,
        (value) => this.changeLanguage(value),
      )}
      ${this.otherLanguage
        ? html`<div class="field">
            <label for="period-language-code">Codice ISO 639-3 della lingua</label>
            <input
              id="period-language-code"
              type="text"
              autocapitalize="off"
              autocomplete="off"
              spellcheck="false"
              maxlength="3"
              size="5"
              aria-invalid=${invalid}
              aria-describedby="period-language-hint period-problem"
            />
            <span id="period-language-hint" class="hint">Tre lettere: «tir» tigrino, «pcm» pidgin nigeriano.</span>
          </div>`
        : null}`;
  }

  protected override render() {
    return html`
      <form class="filters period-picker" aria-label="Periodo e filtri degli indicatori" novalidate @submit=${this.submit}>
        ${this.select('period-kind', 'Periodo', PERIOD_KINDS, this.kind, (kind) => this.changeKind(kind as PeriodKind))}
        ${this.periodFields()}
        ${this.select('period-action', 'Azione', [['', 'Tutte le azioni'], ...PLAN_ACTIONS.map((a): [string, string] => [a, actionLabel(a)])])}
        ${this.select('period-organisation', 'Organizzazione', [['', 'Tutte le organizzazioni'], ...this.organisations.map((o): [string, string] => [o.id, o.name])])}
        ${this.languageFields()}
        ${this.select('period-mode', 'Modalità', [['', 'Tutte le modalità'], ...APPOINTMENT_MODES.map((m): [string, string] => [m, modeLabel(m)])])}
        <p id="period-problem" class="field-error" role="alert">${this.problem}</p>
        <div class="actions"><button class="btn btn-primary" type="submit">Mostra gli indicatori</button></div>
      </form>
    `;
  }
}

define('ponte-console-period-picker', PontePeriodPicker);
