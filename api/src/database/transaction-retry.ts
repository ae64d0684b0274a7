const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** Runs `attempt` again, up to `attempts` times, while PostgreSQL reports a deadlock or serialization failure. */
export async function withRetry<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (tried >= attempts || !code || !RETRYABLE.has(code)) {
        throw error;
      }
    }
  }
}
