/*
 * URLs as the log may show them. A calendar feed's path is its only
 * credential, and a tRPC query carries its input in the query string (form
 * content, a tracking code, once even a password): neither may be written.
 */

const REDACTED = '[redacted]';

/** Query parameters shown by name; any other is dropped whole, as its very name may be a secret. */
const NAMED_PARAMETERS = new Set(['batch', 'input']);

/** Decodes as far as the router and tRPC together would (twice), never throwing. */
function decodedForMatching(path: string): string {
  let out = path;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(out);
      if (next === out) break;
      out = next;
    } catch {
      break;
    }
  }
  return out.toLowerCase().replace(/\/{2,}/g, '/');
}

function redactPath(path: string): string {
  // Matched on the decoded path, since the router serves "/%69cal/…" as a feed too.
  const decoded = decodedForMatching(path);
  if (!/(^|\/)ical\//.test(decoded)) return path;
  const literal = path.search(/\/ical\//i);
  return `${literal > 0 ? path.slice(0, literal) : ''}/ical/${REDACTED}${decoded.endsWith('.ics') ? '.ics' : ''}`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const name = at === -1 ? pair : pair.slice(0, at);
      const value = at === -1 ? '' : pair.slice(at + 1);
      if (!NAMED_PARAMETERS.has(name)) return REDACTED;
      // "batch=1" tells a batched call from a single one; any other value could be anything.
      return name === 'batch' && /^[01]$/.test(value) ? pair : `${name}=${REDACTED}`;
    })
    .join('&');
}

/** A request target (path, query, fragment) with its secrets replaced by "[redacted]". */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : `#${REDACTED}`;
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return redactPath(beforeHash) + fragment;
  return `${redactPath(beforeHash.slice(0, queryAt))}?${redactQuery(beforeHash.slice(queryAt + 1))}${fragment}`;
}

/**
 * Redacts the URLs a free-text message quotes. Fastify's own lines do
 * ("Route GET:/ical/… not found"). Each run from a "/" up to a space or a
 * quote, with any query up to the next space, is taken for a request
 * target: redactUrl leaves text that is not one unchanged.
 */
export function redactUrlsIn(text: string): string {
  return text.replace(/\/[^\s"'`?]*(?:\?\S*)?/g, (target) => redactUrl(target));
}
