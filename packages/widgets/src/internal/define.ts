/** registers a widget's tag, unless the page (or another copy of the script) already did */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
