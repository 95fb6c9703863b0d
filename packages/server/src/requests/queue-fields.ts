import { REQUEST_URGENCIES, formMeaning, roleValue, type FormDefinition } from '@ponte/forms';

/**
 * What the coordinator's queue filters on, copied out of a request when it is
 * sent so that the queue never reads content: the code of the language asked
 * for and the urgency, in the queue's words (@ponte/forms vocabulary.ts;
 * ordinary when the form leaves it out), read with the meaning of the form's
 * version. Nothing for a special-category form (A.5): its language and
 * urgency are its content too.
 */
export function queueFieldsOf(def: FormDefinition, data: Record<string, unknown>): { language: string | null; urgency: string | null } | undefined {
  const meaning = formMeaning(def.id, def.version);
  if (meaning?.kind !== 'request') return undefined;
  if (def.specialCategory) return { language: null, urgency: null };
  const language = data[meaning.language] as { code?: unknown } | undefined;
  return {
    language: typeof language?.code === 'string' ? language.code : null,
    urgency: roleValue(meaning.urgency, data) ?? REQUEST_URGENCIES[0],
  };
}
