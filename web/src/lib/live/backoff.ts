/** Exponential backoff with jitter for retries socket.io does not make itself. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs = 1000,
    private readonly maxMs = 10_000,
    private readonly random: () => number = () => Math.random(),
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.minMs * 2 ** this.attempt++);
    return Math.round(base / 2 + this.random() * (base / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
