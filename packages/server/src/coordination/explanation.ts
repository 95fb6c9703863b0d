import type { Locale } from '@ponte/forms';
import { serverMessage } from '../i18n/messages.js';
import type { Reason } from './scoring.js';

/**
 * A suggestion's reasons as one line for people, in their language:
 * "Parla la varietà richiesta (madrelingua); genere come richiesto; …".
 * It names no value of the request (no language, no case code), only how
 * the mediator meets it.
 */
export function explain(reasons: readonly Reason[], locale: Locale): string {
  const m = (key: Parameters<typeof serverMessage>[0], params: Record<string, string | number> = {}) => serverMessage(key, locale, params);
  const variety = reasons.find((r) => r.kind === 'variety');
  const parts: string[] = [];
  for (const r of reasons) {
    switch (r.kind) {
      case 'language': {
        const level = r.level === 'native' ? m('whyNative') : m('whyLevel', { level: r.level });
        parts.push(m(!variety ? 'whyLanguage' : variety.match ? 'whyVariety' : 'whyNoVariety', { level }));
        break;
      }
      case 'gender':
        parts.push(m(r.match ? 'whyGender' : 'whyNoGender'));
        break;
      case 'continuity':
        if (r.named) parts.push(m('whyNamed'));
        if (r.sameCase > 0) parts.push(m('whySameCase', { count: r.sameCase }));
        if (r.appointments > 0) parts.push(m('whyOrganisation', { count: r.appointments }));
        break;
      case 'freeSlots':
        parts.push(r.slots.length > 0 ? m('whyFreeSlots', { free: r.slots.length, total: r.proposed }) : m('whyNoFreeSlots'));
        break;
      case 'load':
        parts.push(m('whyLoad', { minutes: r.minutesThisMonth }));
        break;
      case 'variety':
        break;
    }
  }
  const line = parts.join('; ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}
