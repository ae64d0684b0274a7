/** A start-up failure whose message already tells the operator what to do: printed without a stack. */
export class StartupError extends Error {}
