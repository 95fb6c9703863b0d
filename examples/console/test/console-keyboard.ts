import { sendKeys } from '@web/test-runner-commands';
import { until } from '../../../packages/widgets/src/internal/testing/keyboard.js';

/*
 * The console draws into the page (no shadow root): these helpers find its
 * controls in the document and work them as a person would, by keyboard
 * (focus, type, Enter, arrows), the way the widgets' tests do inside theirs.
 */

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

/** The element matching `selector` inside `root`, once it is there. */
export function find<T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string, what = selector): Promise<T> {
  return until(() => root.querySelector<T>(selector), what);
}

/** The button whose text contains `text`, once it is there and enabled. */
export function button(root: ParentNode, text: string): Promise<HTMLButtonElement> {
  return until(() => [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text) && !b.disabled), `the button “${text}”`);
}

/** Focuses a button and presses Enter on it. */
export async function activate(root: ParentNode, text: string): Promise<void> {
  (await button(root, text)).focus();
  await press('Enter');
}

/** Focuses a control and types into it, after emptying it. */
export async function typeInto(root: ParentNode, selector: string, text: string): Promise<void> {
  const input = await find<HTMLInputElement>(root, selector);
  input.focus();
  input.select?.();
  await type(text);
}

/** Picks an option of a native select with the arrow keys. */
export async function choose(root: ParentNode, selector: string, value: string): Promise<void> {
  const select = await find<HTMLSelectElement>(root, selector);
  await until(() => [...select.options].some((o) => o.value === value), `the option ${value} of ${selector}`);
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  const key = target > select.selectedIndex ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < select.options.length && select.value !== value; i++) await press(key);
  if (select.value !== value) throw new Error(`could not choose ${value} in ${selector}`);
}
