import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CountryField, LanguageField, LanguageValue } from '@ponte/forms';
import { Popover } from '../internal/popover.js';
import { t, ui } from '../internal/ui-messages.js';
import { codeName, filterOptions, varietiesOf, type ChoiceOption } from './combobox-options.js';
import type { FieldHost } from './field-host.js';
import { describedBy, hintAndError, invalid, labelText } from './field-parts.js';
import { idFor } from './form-paths.js';

type Field = LanguageField | CountryField;

/**
 * The state of the language and country pickers of one form, following the
 * WAI-ARIA 1.2 combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * the input keeps focus, arrows move aria-activedescendant through the
 * listbox, Enter picks, Escape closes. At most one list is open at a time.
 */
export class Combobox {
  openPath: string | undefined;
  active = 0;
  readonly #queries = new Map<string, string>();
  #popover: Popover | undefined;

  constructor(
    private readonly root: () => ShadowRoot | null,
    private readonly requestUpdate: () => void,
    private readonly announce: (text: string) => void,
  ) {}

  query(path: string): string | undefined {
    return this.#queries.get(path);
  }

  setQuery(path: string, text: string, count: () => number): void {
    this.#queries.set(path, text);
    this.active = 0;
    this.open(path);
    const n = count();
    this.announce(n ? ui('results', this.#locale, { n }) : ui('noResults', this.#locale));
  }

  #locale: 'it' | 'en' = 'it';
  setLocale(locale: 'it' | 'en'): void {
    this.#locale = locale;
  }

  open(path: string, active = this.active): void {
    if (this.openPath !== path) this.close();
    this.openPath = path;
    this.active = active;
    this.requestUpdate();
    // The positioning code (Floating UI) comes in the picker's own lazy chunk
    // (one file gzips smaller than two); it places the list once drawn.
    setTimeout(() => {
      const root = this.root();
      const input = root?.getElementById(idFor(path));
      const list = root?.getElementById(`${idFor(path)}-list`);
      if (this.openPath !== path || !input || !list || this.#popover?.floating === list) return;
      this.#popover?.hide();
      this.#popover = new Popover(input, list);
      this.#popover.show();
    });
  }

  /** closes the open list; with `forget`, drops what was typed so the input shows the chosen value again */
  close(forget = false): void {
    if (forget && this.openPath) this.#queries.delete(this.openPath);
    this.#popover?.hide();
    this.#popover = undefined;
    if (this.openPath === undefined) return;
    this.openPath = undefined;
    this.requestUpdate();
  }

  forget(path: string): void {
    this.#queries.delete(path);
  }

  /** keeps the active option in view inside the scrolling list */
  scrollActive(path: string): void {
    queueMicrotask(() => this.root()?.getElementById(`${idFor(path)}-o${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  }
}

function chosenCodes(field: Field, value: unknown): string[] {
  if (!field.multiple) return [];
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : (v as LanguageValue).code)) : [];
}

function selectedCode(field: Field, value: unknown): string | undefined {
  if (field.multiple) return undefined;
  return field.kind === 'language' ? (value as LanguageValue | undefined)?.code : (value as string | undefined);
}

export function renderCombobox(field: Field, path: string, host: FieldHost): TemplateResult {
  const box = host.combobox;
  box.setLocale(host.locale);
  const id = idFor(path);
  const value = host.value(path);
  const chosen = chosenCodes(field, value);
  const selected = selectedCode(field, value);
  const query = box.query(path);
  const options = filterOptions(field.kind, host.locale, query ?? '').filter((o) => !chosen.includes(o.code));
  const open = box.openPath === path;
  const active = Math.min(box.active, options.length - 1);
  const shown = query ?? (selected ? codeName(field.kind, selected, host.locale) : '');

  const pick = (option: ChoiceOption) => {
    box.forget(path);
    box.close();
    if (field.multiple) {
      const item = field.kind === 'language' ? { code: option.code } : option.code;
      host.update(path, [...(Array.isArray(value) ? value : []), item]);
    } else if (field.kind === 'language') {
      const variety = (value as LanguageValue | undefined)?.variety;
      host.update(path, variety ? { code: option.code, variety } : { code: option.code });
    } else {
      host.update(path, option.code);
    }
  };

  const onKeydown = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      box.open(path, Math.max(0, Math.min(options.length - 1, to)));
      box.scrollActive(path);
    };
    if (e.key === 'ArrowDown') move(open ? active + 1 : Math.max(0, options.findIndex((o) => o.code === selected)));
    else if (e.key === 'ArrowUp') move(open ? active - 1 : options.length - 1);
    else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      box.close(true);
    } else if (e.key === 'Tab') box.close(true);
  };

  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    // Clearing a single choice clears the answer.
    if (!text && !field.multiple && selected) host.update(path, undefined);
    box.setQuery(path, text, () => filterOptions(field.kind, host.locale, text).length);
  };

  const described = describedBy(path, field, host);
  const control = html`<div class="combo">
    <input
      id=${id}
      part="control"
      type="text"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${id}-list"
      aria-activedescendant=${open && active >= 0 ? `${id}-o${active}` : nothing}
      aria-required=${field.required ? 'true' : 'false'}
      aria-invalid=${invalid(path, host)}
      aria-describedby=${field.multiple && chosen.length ? (described === nothing ? `${id}-chips` : `${described} ${id}-chips`) : described}
      .value=${live(shown)}
      @input=${onInput}
      @keydown=${onKeydown}
      @click=${() => (open ? box.close() : box.open(path))}
      @blur=${() => {
        box.close(true);
        host.leave(path);
      }}
    />
    <ul id="${id}-list" role="listbox" class="listbox" aria-label=${field.label[host.locale]} ?hidden=${!open}>
      ${open
        ? options.map(
            (o, i) => html`<li
              id="${id}-o${i}"
              role="option"
              aria-selected=${i === active ? 'true' : 'false'}
              class=${i === active ? 'active' : ''}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => pick(o)}
            >
              ${o.name}
            </li>`,
          )
        : nothing}
    </ul>
  </div>`;

  return html`<div class="field" part="field">
    <label part="label" for=${id}>${labelText(field, host.locale)}</label>
    ${hintAndError(path, field, host)}
    ${field.multiple ? chips(field, path, host, value, chosen) : nothing} ${control}
    ${field.kind === 'language' && !field.multiple ? variety(path, host, value as LanguageValue | undefined) : nothing}
  </div>`;
}

function chips(field: Field, path: string, host: FieldHost, value: unknown, codes: string[]): TemplateResult | typeof nothing {
  if (!codes.length) return nothing;
  const list = Array.isArray(value) ? value : [];
  return html`<ul class="chips" id="${idFor(path)}-chips" aria-label=${ui('chosen', host.locale)}>
    ${codes.map((code, i) => {
      const name = codeName(field.kind, code, host.locale);
      return html`<li>
        ${name}<button
          type="button"
          aria-label=${ui('removeChoice', host.locale, { name })}
          @click=${() => {
            const next = list.filter((_, j) => j !== i);
            host.update(path, next.length ? next : undefined);
            host.combobox.forget(path);
            host.focus(path);
          }}
        >
          ×
        </button>
      </li>`;
    })}
  </ul>`;
}

/** the free dialect note next to a language, with the varieties mediators are asked for as suggestions */
function variety(path: string, host: FieldHost, value: LanguageValue | undefined): TemplateResult {
  const varietyPath = `${path}.variety`;
  const id = idFor(varietyPath);
  const errors = host.errorsAt(varietyPath);
  const suggestions = varietiesOf(value?.code);
  return html`<div class="field variety">
    <label part="label" for=${id}>${t('ui.languageVariety', host.locale)} (${t('ui.optional', host.locale)})</label>
    ${errors.length ? html`<p class="error" part="error" id="${id}-e">${errors.join(' ')}</p>` : nothing}
    <input
      id=${id}
      part="control"
      type="text"
      maxlength="100"
      list=${suggestions.length ? `${id}-dl` : nothing}
      .value=${live(value?.variety ?? '')}
      aria-invalid=${invalid(varietyPath, host)}
      aria-describedby=${errors.length ? `${id}-e` : nothing}
      @input=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        const next: Record<string, string> = { ...(value ?? {}) } as Record<string, string>;
        if (text) next['variety'] = text;
        else delete next['variety'];
        host.update(path, Object.keys(next).length ? next : undefined);
      }}
      @blur=${() => host.leave(varietyPath)}
    />
    ${suggestions.length
      ? html`<datalist id="${id}-dl">${suggestions.map((s) => html`<option value=${s}></option>`)}</datalist>`
      : nothing}
  </div>`;
}
