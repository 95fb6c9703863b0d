import { initTRPC } from '@trpc/server';
import { translateIssues, type FieldErrors } from '@ponte/forms';
import type { Role, StaffUser, Submitter } from '../auth/actor.js';
import { resolveKeyHolder, resolveStaff } from '../auth/credentials.js';
import { serverMessage, type ServerMessageKey } from '../i18n/messages.js';
import type { Context } from './context.js';
import { DomainError } from '../domain-error.js';
import { refuseIllFormedText } from './well-formed-input.js';
import { serviceCall, type ServiceCall, type TenantScope } from '../service-call.js';

interface IssueLike {
  path: PropertyKey[];
  code: string;
  message: string;
  [detail: string]: unknown;
}

function issuesOf(cause: unknown): IssueLike[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as IssueLike[]) : undefined;
}

// tRPC's own errors (a malformed body, an unknown procedure) speak English;
// these give them a message in the caller's language instead.
const GENERIC_MESSAGES: Partial<Record<string, ServerMessageKey>> = {
  INTERNAL_SERVER_ERROR: 'internal',
  PARSE_ERROR: 'malformedRequest',
  BAD_REQUEST: 'malformedRequest',
  UNSUPPORTED_MEDIA_TYPE: 'unsupportedMediaType',
  NOT_FOUND: 'procedureNotFound',
  METHOD_NOT_SUPPORTED: 'methodNotSupported',
  PAYLOAD_TOO_LARGE: 'payloadTooLarge',
  TOO_MANY_REQUESTS: 'tooManyRequests',
};

const t = initTRPC.context<Context>().create({
  // NOTE: fixed here, not left to NODE_ENV: stacks name the server's files and
  // lines, and never reach a client (the formatter below drops them too).
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'it';
    let message = shape.message;
    let fieldErrors: FieldErrors | null = null;
    const issues = issuesOf(error.cause);
    if (error instanceof DomainError) {
      message = serverMessage(error.messageKey, locale, error.params);
      fieldErrors = typeof error.fieldErrors === 'string' ? { [error.fieldErrors]: message } : (error.fieldErrors ?? null);
    } else if (error.code === 'BAD_REQUEST' && issues) {
      fieldErrors = translateIssues(issues, locale);
      message = serverMessage('invalidInput', locale, { fields: Object.keys(fieldErrors).join(', ') || '—' });
    } else if (GENERIC_MESSAGES[error.code]) {
      message = serverMessage(GENERIC_MESSAGES[error.code]!, locale, { seconds: 60 });
    }
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone: form definitions, tracking by code. Rate-limited at the HTTP layer. Every builder below starts here. */
export const publicProcedure = t.procedure.use(async function wellFormedText({ ctx, getRawInput, next }) {
  refuseIllFormedText(await getRawInput(), ctx.locale);
  // The one service call of this request (service-call.ts): the clock is read here, once.
  const call: ServiceCall<null> = serviceCall({ db: ctx.db, dialect: ctx.dialect, locale: ctx.locale, now: ctx.now(), config: ctx.config }, null);
  return next({ ctx: { call } });
});

/** The same call, made by `who` once their credentials are resolved (with their tenant, when that read found it). */
function callBy<Who extends Submitter>(call: ServiceCall<null>, who: Who, tenant?: TenantScope): ServiceCall<Who> {
  return serviceCall(call, who, tenant);
}

export const staffProcedure = publicProcedure.use(async function requireStaff({ ctx, next }) {
  if (!ctx.bearerToken) throw new DomainError('UNAUTHORIZED', 'signInRequired');
  const user = await resolveStaff(ctx.db, ctx.bearerToken, ctx.call.now);
  if (!user) throw new DomainError('UNAUTHORIZED', 'sessionExpired');
  return next({ ctx: { user, call: callBy(ctx.call, user) } });
});

/** Staff whose role is one of `roles`. */
export function roleProcedure(...roles: Role[]) {
  return staffProcedure.use(function requireRole({ ctx, next }) {
    if (!roles.includes(ctx.user.role)) throw new DomainError('FORBIDDEN', 'forbiddenRole');
    return next();
  });
}

/**
 * A publishable key or a staff token: what sending a form needs. A staff token
 * wins when both are present (a console page that also embeds a widget).
 */
export const submitterProcedure = publicProcedure.use(async function requireSubmitter({ ctx, next }) {
  if (ctx.bearerToken) {
    const user: StaffUser | null = await resolveStaff(ctx.db, ctx.bearerToken, ctx.call.now);
    if (!user) throw new DomainError('UNAUTHORIZED', 'sessionExpired');
    return next({ ctx: { submitter: user as Submitter, call: callBy<Submitter>(ctx.call, user) } });
  }
  if (ctx.publishableKey) {
    const { holder, tenant } = resolveKeyHolder(await ctx.readKey(), ctx.origin, ctx.ownOrigins);
    return next({ ctx: { submitter: holder as Submitter, call: callBy<Submitter>(ctx.call, holder, tenant) } });
  }
  throw new DomainError('UNAUTHORIZED', 'keyRequired');
});
