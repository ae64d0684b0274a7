export interface JsonShapeLimits {
  /** Object members and array items, counted over the whole value. */
  keys: number;
  /** Nested objects and arrays, the value itself being level 1. */
  depth: number;
}

/**
 * Which limit a parsed JSON value breaks, or null. Walks with its own stack
 * (never the call stack) and stops at the first excess, so its cost is bounded
 * by the limits whatever the value.
 */
export function jsonShapeExcess(
  value: unknown,
  limits: JsonShapeLimits,
): keyof JsonShapeLimits | null {
  const pending: { node: unknown; level: number }[] = [{ node: value, level: 1 }];
  let keys = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, level } = next;
    if (node === null || typeof node !== 'object') {
      continue;
    }
    if (level > limits.depth) {
      return 'depth';
    }
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    keys += children.length;
    if (keys > limits.keys) {
      return 'keys';
    }
    for (const child of children) {
      pending.push({ node: child, level: level + 1 });
    }
  }
  return null;
}
