import type { PonteErrorDescription, Receipt } from '@ponte/sdk';

/** What `ponte-submit` carries: the answers about to be sent. Cancel the event to stop the sending. */
export interface PonteSubmitDetail {
  formId: string;
  version: number;
  data: Record<string, unknown>;
}

export type PonteSubmitEvent = CustomEvent<PonteSubmitDetail>;
export type PonteSubmittedEvent = CustomEvent<Receipt>;
export type PonteErrorEvent = CustomEvent<PonteErrorDescription>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ponte-submit': PonteSubmitEvent;
    'ponte-submitted': PonteSubmittedEvent;
    'ponte-error': PonteErrorEvent;
  }
}

/** dispatches a bubbling, composed event; answers false when a listener cancelled it */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
