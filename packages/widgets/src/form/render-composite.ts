import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, GroupField, LikertField, LikertMatrixField, TimeSlotsField } from '@ponte/forms';
import { t } from '../internal/ui-messages.js';
import type { FieldHost } from './field-host.js';
import { errorText, fieldset, inSentence, invalid, likertPoints } from './field-parts.js';
import { idFor } from './form-paths.js';


export function renderLikert(field: LikertField, path: string, host: FieldHost): TemplateResult {
  const id = idFor(path);
  const value = host.value(path);
  return fieldset(
    path,
    field,
    host,
    html`<div class="choices likert">
      ${likertPoints(field, host.locale).map(
        (p, i) => html`<div class="choice">
          <input
            type="radio"
            id="${id}-${i}"
            name=${id}
            .checked=${live(value === p.value)}
            aria-invalid=${invalid(path, host)}
            @change=${() => host.update(path, p.value)}
            @blur=${() => host.leave(path)}
          /><label for="${id}-${i}">${p.label}</label>
        </div>`,
      )}
    </div>`,
  );
}

/**
 * A table of radio groups, one per row. Each radio is named by its row and
 * its column (aria-labelledby both headers), so "Accoglienza, 4 – Molto"
 * is announced rather than a bare "4".
 */
export function renderLikertMatrix(field: LikertMatrixField, path: string, host: FieldHost): TemplateResult {
  const id = idFor(path);
  const value = (host.value(path) ?? {}) as Record<string, unknown>;
  const points = likertPoints(field, host.locale);
  const set = (row: string, answer: number | 'dontKnow') => host.update(path, { ...value, [row]: answer });
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
                    .checked=${live(value[row.key] === p.value)}
                    aria-invalid=${invalid(path, host)}
                    @change=${() => set(row.key, p.value)}
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

function items(host: FieldHost, path: string): Record<string, unknown>[] {
  const value = host.value(path);
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/** add/remove buttons of a repeatable list; focus moves are the host's job (addItem/removeItem) */
function addButton(path: string, host: FieldHost, itemName: string, count: number, max: number): TemplateResult | typeof nothing {
  return count < max
    ? html`<button type="button" class="secondary" id="${idFor(path)}-add" @click=${() => host.addItem(path, itemName)}>
        ${t('ui.addItem', host.locale)} ${inSentence(itemName)}
      </button>`
    : nothing;
}

function removeButton(path: string, host: FieldHost, index: number, itemName: string, numbered: string): TemplateResult {
  return html`<button type="button" class="link" @click=${() => host.removeItem(path, index, itemName)}>
    ${t('ui.removeItem', host.locale)} ${inSentence(numbered)}
  </button>`;
}

/** the renderer of a group's fields, passed in by render-field (which imports this module lazily) */
export type RenderChild = (field: FieldDefinition, path: string, host: FieldHost) => TemplateResult;

export function renderGroup(field: GroupField, path: string, host: FieldHost, renderChild: RenderChild): TemplateResult {
  const list = items(host, path);
  const itemName = field.itemLabel[host.locale];
  return fieldset(
    path,
    field,
    host,
    html`${list.map((_, i) => {
        const numbered = t('ui.itemNumber', host.locale, { item: itemName, n: i + 1 });
        return html`<fieldset class="item" id="${idFor(path)}-${i}">
          <legend>${numbered}</legend>
          ${field.fields.map((child) => {
            const childPath = `${path}.${i}.${child.key}`;
            return host.isVisible(childPath) ? renderChild(child, childPath, host) : nothing;
          })}
          ${list.length > (field.minItems ?? 0) ? removeButton(path, host, i, itemName, numbered) : nothing}
        </fieldset>`;
      })}
      ${addButton(path, host, itemName, list.length, field.maxItems)}`,
    'group',
  );
}

const SLOT_PARTS = [
  ['date', 'ui.slotDate', 'date'],
  ['from', 'ui.slotFrom', 'time'],
  ['to', 'ui.slotTo', 'time'],
] as const;

export function renderTimeSlots(field: TimeSlotsField, path: string, host: FieldHost): TemplateResult {
  const list = items(host, path);
  const itemName = field.label[host.locale];
  return fieldset(
    path,
    field,
    host,
    html`${list.map((slot, i) => {
        const numbered = t('ui.itemNumber', host.locale, { item: t('ui.slotDate', host.locale), n: i + 1 });
        return html`<fieldset class="item slot" id="${idFor(path)}-${i}">
          <legend>${numbered}</legend>
          <div class="slot-row">
            ${SLOT_PARTS.map(([part, label, type]) => {
              const partPath = `${path}.${i}.${part}`;
              const id = idFor(partPath);
              const errors = host.errorsAt(partPath);
              return html`<div class="field" part="field">
                <label part="label" for=${id}>${t(label, host.locale)}</label>
                ${errors.length ? errorText(id, errors) : nothing}
                <input
                  id=${id}
                  part="control"
                  type=${type}
                  .value=${live(typeof slot[part] === 'string' ? (slot[part] as string) : '')}
                  aria-required="true"
                  aria-invalid=${invalid(partPath, host)}
                  aria-describedby=${errors.length ? `${id}-e` : nothing}
                  @input=${(e: Event) => host.update(partPath, (e.target as HTMLInputElement).value || undefined)}
                  @blur=${() => host.leave(partPath)}
                />
              </div>`;
            })}
          </div>
          ${list.length > (field.minItems ?? 0) ? removeButton(path, host, i, t('ui.slotDate', host.locale), numbered) : nothing}
        </fieldset>`;
      })}
      ${addButton(path, host, itemName, list.length, field.maxItems)}`,
    'group',
  );
}

