import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, GroupField, LikertMatrixField, TimeSlotsField } from '@ponte/forms';
import { t } from '../internal/ui-messages.js';
import type { FieldHost } from './field-host.js';
import { answerOptions } from './answer-options.js';
import { describedBy, fieldset, input, invalid, inSentence, labelled, notes } from './field-parts.js';
import { idFor } from './form-paths.js';

/**
 * A table of radio groups, one per row. Each radio is named by its row and
 * its column (aria-labelledby both headers), so "Accoglienza, 4 – Molto"
 * is announced rather than a bare "4".
 */
export function renderLikertMatrix(field: LikertMatrixField, path: string, host: FieldHost): TemplateResult {
  const id = idFor(path);
  const value = (host.value(path) ?? {}) as Record<string, unknown>;
  const points = answerOptions(field, host.locale) ?? [];
  return fieldset(
    path,
    field,
    host,
    html`<div class="matrix">
      <table>
        <thead>
          <tr>
            <td></td>
            ${points.map((p, i) => html`<th scope="col" id="${id}-c${i}">${p.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${field.rows.map(
            (row) => html`<tr>
              <th scope="row" id="${id}-${row.key}">${row.label[host.locale]}</th>
              ${points.map(
                (p, i) => html`<td>
                  <input
                    type="radio"
                    id="${id}-${row.key}-${i}"
                    name="${id}-${row.key}"
                    aria-labelledby="${id}-${row.key} ${id}-c${i}"
                    .checked=${value[row.key] === p.value}
                    aria-invalid=${invalid(path, host)}
                    @change=${() => host.update(path, { ...value, [row.key]: p.value })}
                    @blur=${() => host.leave(path)}
                  />
                </td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  );
}

/**
 * A repeatable list (a group's items, proposed time slots): each item a
 * numbered fieldset with its Remove button while above the minimum, then
 * Add while below the maximum. Focus moves are the host's job (addItem, removeItem).
 */
function repeatable(
  path: string,
  field: GroupField | TimeSlotsField,
  host: FieldHost,
  /** what one item is called: numbered in its legend, named by Remove */
  itemName: string,
  /** what Add adds */
  addName: string,
  item: (value: Record<string, unknown>, index: number) => unknown,
  cls = 'item',
): TemplateResult {
  const value = host.value(path);
  const list = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  return fieldset(
    path,
    field,
    host,
    html`${list.map((v, i) => {
        const numbered = t('ui.itemNumber', host.locale, { item: itemName, n: i + 1 });
        return html`<fieldset class=${cls} id="${idFor(path)}-${i}">
          <legend>${numbered}</legend>
          ${item(v, i)}
          ${list.length > (field.minItems ?? 0)
            ? html`<button type="button" class="link" @click=${() => host.removeItem(path, i, itemName)}>
                ${t('ui.removeItem', host.locale)} ${inSentence(numbered)}
              </button>`
            : nothing}
        </fieldset>`;
      })}
      ${list.length < field.maxItems
        ? html`<button type="button" class="secondary" id="${idFor(path)}-add" @click=${() => host.addItem(path, addName)}>
            ${t('ui.addItem', host.locale)} ${inSentence(addName)}
          </button>`
        : nothing}`,
    'group',
  );
}

/** the renderer of a group's fields, passed in by render-field (which imports this module) */
export type RenderChild = (field: FieldDefinition, path: string, host: FieldHost) => TemplateResult;

export function renderGroup(field: GroupField, path: string, host: FieldHost, renderChild: RenderChild): TemplateResult {
  const itemName = field.itemLabel[host.locale];
  return repeatable(path, field, host, itemName, itemName, (_, i) =>
    field.fields.map((child) => {
      const childPath = `${path}.${i}.${child.key}`;
      return host.isVisible(childPath) ? renderChild(child, childPath, host) : nothing;
    }),
  );
}

const SLOT_PARTS = [
  ['date', 'ui.slotDate', 'date'],
  ['from', 'ui.slotFrom', 'time'],
  ['to', 'ui.slotTo', 'time'],
] as const;

export function renderTimeSlots(field: TimeSlotsField, path: string, host: FieldHost): TemplateResult {
  const slotName = t('ui.slotDate', host.locale);
  return repeatable(
    path,
    field,
    host,
    slotName,
    field.label[host.locale],
    (slot, i) => html`<div class="slot-row">
      ${SLOT_PARTS.map(([part, label, type]) => {
        const partPath = `${path}.${i}.${part}`;
        const control = input(partPath, host, {
          type,
          value: typeof slot[part] === 'string' ? (slot[part] as string) : '',
          set: (text) => host.update(partPath, text || undefined),
          required: 'true',
          describedBy: describedBy(partPath, host),
        });
        return labelled(idFor(partPath), t(label, host.locale), notes(partPath, host), control);
      })}
    </div>`,
    'item slot',
  );
}
