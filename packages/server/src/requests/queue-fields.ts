import type { FormDefinition, LanguageValue } from '@ponte/forms';
import { isRequestForm } from './lifecycle.js';

/**
 * What the coordinator's queue filters on, copied out of a request when it is
 * sent so that the queue never reads content: the language asked for and the
 * urgency ('ordinaria' when the form leaves it out). Nothing for a
 * special-category form (A.5): its language and urgency are its content too.
 */
export function queueFieldsOf(def: FormDefinition, data: Record<string, unknown>): { language: string | null; urgency: string | null } | undefined {
  if (!isRequestForm(def.id)) return undefined;
  if (def.specialCategory) return { language: null, urgency: null };
  const language = data.language as LanguageValue | undefined;
  const urgency = data.urgency;
  return {
    language: typeof language?.code === 'string' ? language.code : null,
    urgency: typeof urgency === 'string' ? urgency : 'ordinaria',
  };
}
