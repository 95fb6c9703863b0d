import { sendKeys } from '@web/test-runner-commands';

/*
 * Keyboard-only helpers for the browser tests: the user's part of a test is
 * made of key presses only (no .click(), no property setting).
 */

export function focusedIn(host: HTMLElement): HTMLElement | null {
  return (host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
}

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

/** presses Tab until the control with `id` inside the widget has focus */
export async function tabTo(host: HTMLElement, id: string, limit = 400): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    const el = focusedIn(host);
    if (el?.id === id) return el;
    await press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** presses Tab until a button whose text contains `text` has focus */
export async function tabToButton(host: HTMLElement, text: string, limit = 400): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    const el = focusedIn(host);
    if (el?.tagName === 'BUTTON' && el.textContent?.includes(text)) return el;
    await press('Tab');
  }
  throw new Error(`Tab never reached the button “${text}”`);
}

/** waits until `check` holds, polling; for server round trips */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** the digits to type into a native date input, in the order the browser's locale shows them */
export function dateKeys(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const order = new Intl.DateTimeFormat().formatToParts(new Date(2000, 10, 22)).map((p) => p.type);
  return order.filter((t) => t === 'year' || t === 'month' || t === 'day').map((t) => (t === 'year' ? y : t === 'month' ? m : d)).join('');
}

/** the keys for a native time input: 24-hour, or 12-hour with A/P where the locale uses it */
export function timeKeys(hhmm: string): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  const twelve = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle?.startsWith('h1');
  if (!twelve) return `${h}${m}`;
  const hour = Number(h);
  const h12 = String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0');
  return `${h12}${m}${hour < 12 ? 'A' : 'P'}`;
}

/** presses Tab until the widget's primary button (part="submit") has focus */
export async function tabToSubmit(host: HTMLElement, limit = 400): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    const el = focusedIn(host);
    if (el?.getAttribute('part')?.split(' ').includes('submit')) return el;
    await press('Tab');
  }
  throw new Error('Tab never reached the primary button');
}
