import {
  fieldOptions,
  isSectionVisible,
  languageName,
  countryName,
  type FieldDefinition,
  type FormDefinition,
  type LanguageValue,
} from '@ponte/forms';
import { dateKeys, focusedIn, press, tabTo, tabToSubmit, timeKeys, type, until } from './keyboard.js';

/*
 * Fills a form widget from a sample submission with the keyboard alone,
 * step by step, the way a person would: Tab to each control, type, use the
 * arrows and Space on choices, type and Enter in the comboboxes, Enter on
 * "Aggiungi" for more items, Enter on "Avanti".
 */

const id = (path: string) => `f-${path.replaceAll('.', '-')}`;

async function choose(host: HTMLElement, path: string, index: number): Promise<void> {
  // Tab enters a radio group on its first radio; arrows move and check.
  await tabTo(host, `${id(path)}-0`);
  if (index === 0) await press('Space');
  for (let i = 0; i < index; i++) await press('ArrowDown');
}

async function combobox(host: HTMLElement, path: string, name: string): Promise<void> {
  await tabTo(host, id(path));
  await type(name);
  await until(() => focusedIn(host)?.getAttribute('aria-expanded') === 'true', 'the list to open');
  await press('Enter');
}

async function fillField(host: HTMLElement, field: FieldDefinition, path: string, value: unknown): Promise<void> {
  if (value === undefined) return;
  switch (field.kind) {
    case 'organisation':
      return;
    case 'text':
    case 'email':
    case 'phone':
    case 'textarea':
    case 'integer':
    case 'duration':
      await tabTo(host, id(path));
      return type(String(value));
    case 'decimal':
      await tabTo(host, id(path));
      return type(String(value).replace('.', ','));
    case 'date':
      await tabTo(host, id(path));
      return type(dateKeys(String(value)));
    case 'time':
      await tabTo(host, id(path));
      return type(timeKeys(String(value)));
    case 'select': {
      await tabTo(host, id(path));
      // From the empty first choice, whatever was prefilled: Home, then down to the option.
      const index = field.options.findIndex((o) => o.value === value);
      await press('Home');
      for (let i = 0; i <= index; i++) await press('ArrowDown');
      return;
    }
    case 'radio':
    case 'likert':
    case 'schoolLevel': {
      const values = field.kind === 'likert' ? likertValues(field) : (fieldOptions(field) ?? []).map((o) => o.value);
      if (Array.isArray(value)) return checkboxes(host, path, values.map(String), value);
      return choose(host, path, values.indexOf(value as string));
    }
    case 'multiselect':
      return checkboxes(host, path, field.options.map((o) => o.value), value as string[]);
    case 'checkbox':
      if (field.required) return choose(host, path, value === true ? 0 : 1);
      if (value !== true) return;
      await tabTo(host, id(path));
      return press('Space');
    case 'consent':
      await tabTo(host, id(path));
      return press('Space');
    case 'country':
      for (const code of Array.isArray(value) ? value : [value]) await combobox(host, path, countryName(String(code), 'it'));
      return;
    case 'language': {
      const list = (Array.isArray(value) ? value : [value]) as LanguageValue[];
      const codes = [...new Set(list.map((l) => l.code))];
      for (const code of codes) await combobox(host, path, languageName(code, 'it'));
      const variety = !field.multiple ? list[0]?.variety : undefined;
      if (variety) {
        await tabTo(host, id(`${path}.variety`));
        await type(variety);
      }
      return;
    }
    case 'likertMatrix': {
      const values = likertValues(field);
      for (const [row, answer] of Object.entries(value as Record<string, unknown>)) {
        await choose(host, `${path}.${row}`, values.indexOf(answer as number));
      }
      return;
    }
    case 'signature': {
      const sig = value as { name: string };
      await tabTo(host, id(path));
      await type(sig.name);
      await tabTo(host, id(`${path}.confirmed`));
      return press('Space');
    }
    case 'timeSlots':
    case 'group': {
      const items = value as Record<string, unknown>[];
      for (const [i, item] of items.entries()) {
        if (!host.shadowRoot?.getElementById(`${id(path)}-${i}`)) {
          await tabTo(host, `${id(path)}-add`);
          await press('Enter');
          await until(() => host.shadowRoot?.getElementById(`${id(path)}-${i}`), 'the new item');
        }
        if (field.kind === 'timeSlots') {
          for (const part of ['date', 'from', 'to'] as const) {
            await tabTo(host, id(`${path}.${i}.${part}`));
            const text = String(item[part]);
            await type(part === 'date' ? dateKeys(text) : timeKeys(text));
          }
        } else {
          for (const child of field.fields) await fillField(host, child, `${path}.${i}.${child.key}`, item[child.key]);
        }
      }
      return;
    }
  }
}

function likertValues(field: { points?: number; allowDontKnow?: boolean }): (number | string)[] {
  const points = Array.from({ length: field.points ?? 5 }, (_, i) => i + 1);
  return field.allowDontKnow ? [...points, 'dontKnow'] : points;
}

async function checkboxes(host: HTMLElement, path: string, values: string[], chosen: unknown[]): Promise<void> {
  for (const [i, v] of values.entries()) {
    if (!chosen.includes(v)) continue;
    await tabTo(host, `${id(path)}-${i}`);
    await press('Space');
  }
}

/** fills every step from `sample` and moves on to the summary step ("Riepilogo") */
export async function fillByKeyboard(host: HTMLElement, def: FormDefinition, sample: Record<string, unknown>): Promise<void> {
  const visited = new Set<string>();
  for (;;) {
    const heading = await until(() => host.shadowRoot?.getElementById('step-heading')?.textContent?.trim(), 'a step');
    const section = def.sections.find((s) => s.title.it === heading && isSectionVisible(def, s, sample));
    if (!section || visited.has(section.key)) return;
    visited.add(section.key);
    for (const field of section.fields) await fillField(host, field, field.key, sample[field.key]);
    await tabToSubmit(host);
    await press('Enter');
    await until(
      () => host.shadowRoot?.getElementById('step-heading')?.textContent?.trim() !== heading || host.shadowRoot?.querySelector('.error-summary'),
      'the next step',
    );
    const summary = host.shadowRoot?.querySelector('.error-summary');
    if (summary) throw new Error(`the step “${heading}” has errors: ${summary.textContent?.replace(/\s+/g, ' ')}`);
  }
}
