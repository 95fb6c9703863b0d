import { html, nothing, type TemplateResult } from 'lit';
import { STATELESS, type CountryField, type LanguageField, type LanguageValue } from '@ponte/forms';
import { t, ui } from '../internal/ui-messages.js';
import { codeName, filterOptions, varietiesOf, type ChoiceOption } from './combobox-options.js';
import type { FieldHost } from './field-host.js';
import { ariaRequired, describedBy, input, invalid, labelled, labelText, notes } from './field-parts.js';
import { idFor } from './form-paths.js';

type Field = LanguageField | CountryField;

/*
 * The language and country pickers: an input with a listbox of names
 * (WAI-ARIA 1.2 combobox pattern), their state kept by combobox-state.ts.
 */

/** what the field offers for `text`: a country field asking for countries only leaves out 'XX' (stateless or unknown) */
function offered(field: Field, locale: FieldHost['locale'], text: string): ChoiceOption[] {
  const options = filterOptions(field.kind, locale, text);
  return field.kind === 'country' && field.countriesOnly ? options.filter((o) => o.code !== STATELESS) : options;
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
  const id = idFor(path);
  const value = host.value(path);
  const chosen = chosenCodes(field, value);
  const selected = selectedCode(field, value);
  const query = box.query(path);
  const options = offered(field, host.locale, query ?? '').filter((o) => !chosen.includes(o.code));
  const open = box.openPath === path;
  const active = Math.min(box.active, options.length - 1);
  const shown = query ?? (selected ? codeName(field.kind, selected, host.locale) : '');

  const pick = (option: ChoiceOption) => {
    box.close(true);
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
    box.setQuery(path, text);
    const n = offered(field, host.locale, text).length;
    box.announce(n ? ui('results', host.locale, { n }) : ui('noResults', host.locale));
  };

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
      aria-required=${ariaRequired(field)}
      aria-invalid=${invalid(path, host)}
      aria-describedby=${describedBy(path, host, field, field.multiple && chosen.length ? `${id}-chips` : '')}
      .value=${shown}
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

  return labelled(
    id,
    labelText(field, host.locale),
    html`${notes(path, host, field)} ${field.multiple ? chips(field, path, host, value, chosen) : nothing}`,
    html`${control} ${field.kind === 'language' && !field.multiple ? variety(path, host, value as LanguageValue | undefined) : nothing}`,
  );
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
          aria-label="${t('ui.removeItem', host.locale)} ${name}"
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
  const control = input(varietyPath, host, {
    value: value?.variety ?? '',
    set: (text) => {
      const next: Record<string, string> = { ...(value ?? {}) } as Record<string, string>;
      if (text) next['variety'] = text;
      else delete next['variety'];
      host.update(path, Object.keys(next).length ? next : undefined);
    },
    maxlength: 100,
    list: varietiesOf(value?.code),
    describedBy: describedBy(varietyPath, host),
  });
  const label = `${t('ui.languageVariety', host.locale)} (${t('ui.optional', host.locale)})`;
  return labelled(idFor(varietyPath), label, notes(varietyPath, host), control, 'field variety', nothing);
}
