/*
 * Loaded with a dynamic import() when the user first interacts with a form:
 * the compiled zod schema is the largest part of the forms runtime, and a
 * page that only shows the form should not pay for it up front.
 */
export { validateSubmission } from '@ponte/forms';
