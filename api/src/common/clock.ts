/** Injected wherever "now" matters, so tests can move time (month boundaries, expiry). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
