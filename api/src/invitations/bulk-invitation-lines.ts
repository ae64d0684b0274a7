import { isEmail } from 'class-validator';
import { LIMITS, type FieldError } from '@bravo/shared';

/** One non-blank pasted line, split into its fields. */
export interface ParsedLine {
  line: number;
  name: string;
  email: string;
  team: string | null;
  errors: FieldError[];
}

const problem = (field: string, code: FieldError['code'], params = {}): FieldError => ({
  field,
  code,
  params,
});

/**
 * Splits pasted `name, email[, team]` lines (commas, semicolons or the tabs a spreadsheet
 * copies) and checks what needs no database: names, e-mail format, repeats in the paste.
 */
export function parseBulkLines(text: string): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.trim() === '') {
      return;
    }
    const [name = '', email = '', team = '', ...extra] = raw.split(/[,;\t]/).map((f) => f.trim());
    const address = email.toLowerCase();
    const errors: FieldError[] = [];
    if (name === '') {
      errors.push(problem('name', 'required'));
    } else if (name.length > LIMITS.nameMax) {
      errors.push(problem('name', 'too_long', { max: LIMITS.nameMax }));
    }
    if (address === '') {
      errors.push(problem('email', 'required'));
    } else if (address.length > LIMITS.emailMax || !isEmail(address)) {
      errors.push(problem('email', 'invalid_email'));
    } else if (seen.has(address)) {
      errors.push(problem('email', 'repeated', { line: seen.get(address) ?? 0 }));
    } else {
      seen.set(address, index + 1);
    }
    if (team.length > LIMITS.teamNameMax) {
      errors.push(problem('team', 'too_long', { max: LIMITS.teamNameMax }));
    }
    if (extra.some((f) => f !== '')) {
      errors.push(problem('line', 'too_many', { max: 3 }));
    }
    parsed.push({ line: index + 1, name, email: address, team: team || null, errors });
  });
  return parsed;
}
