import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import { errorText, fieldErrorText, fieldMessages } from './error-text';
import { addMessages, translate, type Translate } from './translate';

addMessages('en', en);
addMessages('ar', ar);
const translator =
  (locale: 'en' | 'ar'): Translate =>
  (id, options) =>
    translate(locale, id, options);

const tEn = translator('en');
const tAr = translator('ar');

describe('error texts from the translation files', () => {
  it('words a too-short field with its minimum, in English and Arabic', () => {
    const problems = [{ code: 'too_short' as const, params: { min: 10 } }];
    expect(fieldErrorText(tEn, problems)).toBe('Use at least 10 characters.');
    expect(fieldErrorText(tAr, problems)).toBe('استخدم 10 من الأحرف على الأقل.');
  });

  it('says "must not be empty" for a minimum of one', () => {
    expect(fieldErrorText(tEn, [{ code: 'too_short', params: { min: 1 } }])).toBe(
      'This must not be empty.',
    );
  });

  it('words the remaining allowance with its number', () => {
    const problems = [{ code: 'allowance_left' as const, params: { left: 79 } }];
    expect(fieldErrorText(tEn, problems)).toBe('Only 79 points left this month.');
    expect(fieldErrorText(tAr, problems)).toBe('تبقّى لك 79 نقطة فقط هذا الشهر.');
  });

  it('joins several problems of one field and gives nothing for none', () => {
    const text = fieldErrorText(tEn, [
      { code: 'not_whole_number', params: {} },
      { code: 'too_large', params: { max: 50 } },
    ]);
    expect(text).toBe('Enter a whole number. Enter at most 50.');
    expect(fieldErrorText(tEn, undefined)).toBe('');
  });

  it('falls back to a generic sentence for a code without a message or a missing parameter', () => {
    expect(fieldErrorText(tEn, [{ code: 'brand_new' as never, params: {} }])).toBe(
      'This is not valid.',
    );
    expect(fieldErrorText(tEn, [{ code: 'allowance_left', params: {} }])).toBe(
      'This is not valid.',
    );
  });

  it('words API error codes with their parameters', () => {
    const error = { code: 'too_many_attempts', params: { minutes: 3 } };
    expect(errorText(tEn, error)).toBe('Too many attempts. Please wait 3 minutes and try again.');
    expect(errorText(tAr, error)).toBe('محاولات كثيرة جدًا. انتظر 3 دقائق ثم حاول مرة أخرى.');
    expect(errorText(tEn, { code: 'forbidden' })).toBe('You are not allowed to do that.');
  });

  it('words every field of a failed form by input name', () => {
    const failure = {
      form: 'give',
      error: { code: 'validation_failed', params: {} },
      fieldErrors: {
        message: [{ code: 'too_short' as const, params: { min: 10 } }],
        points: [{ code: 'recipient_cap_left' as const, params: { left: 25, name: 'Rosa' } }],
      },
      values: {},
    };
    expect(fieldMessages(tEn, failure)).toEqual({
      message: 'Use at least 10 characters.',
      points: 'At most 25 more points for Rosa this month.',
    });
    expect(fieldMessages(tEn, null)).toEqual({});
  });
});
