import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalid } from './domain-exception';

/**
 * NUL (PostgreSQL text cannot store it) or a lone UTF-16 surrogate (half a
 * character: validators throw on it, and it is not text in any encoding).
 */
const ILL_FORMED = /\p{Cs}/u;
const NUL = String.fromCharCode(0);

const isIllFormed = (text: string) => text.includes(NUL) || ILL_FORMED.test(text);

/**
 * The dotted path of the first string (value or key) in `input` that is not
 * well-formed text, or null. Walks with a stack, so a deep body cannot overflow it.
 */
export function illFormedTextAt(input: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[input, root]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (isIllFormed(value)) {
        return path;
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (isIllFormed(key)) {
          return path || 'body';
        }
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * Runs before validation on every body, query string and path parameter: text
 * that cannot be stored or validated is a 400 naming the field, never a 500.
 */
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') {
      return value; // what the app's own decorators produce, e.g. the caller
    }
    const field = illFormedTextAt(value, metadata.data ?? '');
    if (field !== null) {
      // A path through a deeply nested body could be as long as the body itself.
      const name = (field || metadata.type).slice(0, 100);
      throw invalid(
        name,
        'invalid_characters',
        `${name} contains a character that is not allowed (NUL or a lone surrogate)`,
      );
    }
    return value;
  }
}
