import { noChange } from 'lit';
import { Directive, directive, type PropertyPart } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

/**
 * `.value=${controlValue(text)}`: writes `text` into a control only when it
 * differs both from what was written last and from what the control holds.
 *
 * NOTE: a plain binding writes whenever the text differs from the last one
 * written. While a native date or time input is partly typed (day typed,
 * month not yet) its value is "", the stored answer becomes "", and writing
 * "" back makes Chromium empty every segment, so a prefilled date could not
 * be corrected by typing (HTML's value sanitization; Chromium's
 * MultipleFieldsTemporalInputTypeBase clears the fields on an empty value).
 * Lit's `live()` compares with the control only, and so rewrote "1,50" as
 * "1,5" in a decimal field, where both store 1.5: this keeps both checks.
 */
class ControlValueDirective extends Directive {
  render(text: string): string {
    return text;
  }

  override update(part: PropertyPart, [text]: [string]): string | typeof noChange {
    if (text !== (part.element as HTMLInputElement).value) return text;
    // The control already shows it: remember it as written, write nothing.
    setCommittedValue(part, text);
    return noChange;
  }
}

export const controlValue = directive(ControlValueDirective);
