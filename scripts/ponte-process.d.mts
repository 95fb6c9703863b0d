/** See ponte-process.mjs. */
export function freePort(): Promise<number>;

/** See ponte-process.mjs. */
export function startPonteProcess(options?: { port?: number; env?: Record<string, string>; demoActivity?: boolean }): Promise<{ url: string; stop: () => void }>;
