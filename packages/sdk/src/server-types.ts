// The only module of the SDK that names @ponte/server. The server is not
// published, so `npm run build` (scripts/inline-server-types.mjs) replaces
// this module's declarations, dist/server-types.d.ts, with a self-contained
// copy of these types; in the workspace they come from the server itself.
export type { AppRouter, Receipt } from '@ponte/server';
