import type { FormId } from '@ponte/forms';
import { sampleFor } from './samples.js';
import type { TestServer } from './test-server.js';

export interface SentRequest {
  id: string;
  trackingCode: string;
  protocol: string;
}

/**
 * Sends a request form's sample, through a publishable key or a staff token,
 * and answers its id (read from the database: receipts carry none) with its
 * tracking code.
 */
export async function sendRequest(
  ts: TestServer,
  formId: FormId,
  organisationId: string,
  via: { key: string } | { token: string },
  data: Record<string, unknown> = {},
): Promise<SentRequest> {
  const client = ts.client(via);
  const receipt = await client.submissions.submit.mutate({
    formId,
    version: 1,
    data: { ...sampleFor(formId, organisationId), ...data },
    ...('token' in via ? { organisationId } : {}),
  });
  const row = await ts.server.database.db.selectFrom('submissions').select('id').where('tracking_code', '=', receipt.trackingCode).executeTakeFirstOrThrow();
  return { id: row.id, trackingCode: receipt.trackingCode, protocol: receipt.protocol };
}

/** An instant some hours before now, on the hour: a session that has taken place. */
export function hoursAgo(hours: number): string {
  return new Date(Math.floor((Date.now() - hours * 3_600_000) / 3_600_000) * 3_600_000).toISOString();
}
