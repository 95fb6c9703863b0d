/** An object that can be read by key: how the SDK reads answers and errors by their shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
