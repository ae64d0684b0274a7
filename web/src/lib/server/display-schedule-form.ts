import {
  DISPLAY_PANELS,
  DISPLAY_SCHEDULE_MAX,
  type DisplayPanel,
  type DisplayScheduleSlot,
} from '@bravo/shared';

const isPanel = (value: FormDataEntryValue): value is DisplayPanel =>
  typeof value === 'string' && (DISPLAY_PANELS as readonly string[]).includes(value);

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * A screen's schedule from its form rows (`slot0From`, `slot0To`, `slot0Panels`, …). A row with
 * neither time is an unused row (clearing the times removes a slot); a half-filled row is sent
 * as it is, so the API says what is missing.
 */
export function scheduleFromForm(data: FormData): DisplayScheduleSlot[] {
  return Array.from({ length: DISPLAY_SCHEDULE_MAX }, (_, i) => ({
    from: field(data, `slot${i}From`),
    to: field(data, `slot${i}To`),
    panels: data.getAll(`slot${i}Panels`).filter(isPanel),
  })).filter((slot) => slot.from !== '' || slot.to !== '');
}

/** A checkbox of the form: ticked or not (a form without JavaScript sends nothing when not). */
export const ticked = (data: FormData, name: string): boolean => data.get(name) === 'on';
