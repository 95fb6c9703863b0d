import type { PonteErrorDescription, PonteOutputs, Receipt } from '@ponte/sdk';

/** What `ponte-submit` carries: the answers about to be sent. Cancel the event to stop the sending. */
export interface PonteSubmitDetail {
  formId: string;
  version: number;
  data: Record<string, unknown>;
}

export type PonteSubmitEvent = CustomEvent<PonteSubmitDetail>;
export type PonteSubmittedEvent = CustomEvent<Receipt>;
export type PonteErrorEvent = CustomEvent<PonteErrorDescription>;
/** What `ponte-booked` carries: the appointment booked. */
export type PonteBookedEvent = CustomEvent<PonteOutputs['scheduling']['book']['appointments'][number]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ponte-submit': PonteSubmitEvent;
    'ponte-submitted': PonteSubmittedEvent;
    'ponte-error': PonteErrorEvent;
    'ponte-booked': PonteBookedEvent;
  }
}

/** dispatches a bubbling, composed event; answers false when a listener cancelled it */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
