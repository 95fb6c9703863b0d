/**
 * Copies text to the clipboard. The async Clipboard API needs a secure
 * context and may be refused by permissions policy on an embedding page;
 * the fallback selects a hidden textarea and runs the legacy copy command.
 */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;inset-block-start:0';
    root.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
