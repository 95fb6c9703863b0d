/**
 * Copies text to the clipboard. The async Clipboard API needs a secure
 * context and may be refused by permissions policy on an embedding page;
 * the fallback selects a hidden textarea and runs the legacy copy command.
 */
export async function copyText(text: string, root: ShadowRoot | Document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;inset-block-start:0';
    (root instanceof Document ? root.body : root).append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}
