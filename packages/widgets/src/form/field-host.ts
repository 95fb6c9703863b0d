import type { Locale } from '@ponte/forms';
import type { Combobox } from './combobox-state.js';

/** what a field template needs from the form that draws it */
export interface FieldHost {
  readonly locale: Locale;
  /** the name of the organisation that sends the form, for the read-only organisation field */
  readonly organisationName: string | undefined;
  /** the state of the language and country pickers */
  readonly combobox: Combobox;
  /** suggestions for a free-text field (a `<datalist>`), such as the organisation's sites */
  suggestions(path: string): readonly string[];
  value(path: string): unknown;
  /** the user changed a value: store it, re-evaluate conditions, save the draft */
  update(path: string, value: unknown): void;
  /** the user left a control: from now on its errors are shown */
  leave(path: string): void;
  /** the error messages shown at the control of `path` */
  errorsAt(path: string): string[];
  isVisible(path: string): boolean;
  addItem(path: string, itemName: string): void;
  removeItem(path: string, index: number, itemName: string): void;
  /** moves focus to the control of `path` */
  focus(path: string): void;
}
