import { describe, expect, it } from 'vitest';
import { publicPraiseBody } from './public-praise-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    data.set(name, value);
  }
  return data;
};

describe('publicPraiseBody', () => {
  it('leaves out what the customer left empty: praise for the store, no rating, no name', () => {
    expect(
      publicPraiseBody(
        form({
          memberId: '',
          text: '  Lovely coffee  ',
          rating: '',
          customerName: ' ',
          contact: '',
          startedAt: '1700000000000',
          website: '',
        }),
      ),
    ).toEqual({ ok: true, body: { text: 'Lovely coffee', startedAt: 1700000000000 } });
  });

  it('passes the staff member, rating, first name and, with consent, the contact details', () => {
    expect(
      publicPraiseBody(
        form({
          memberId: '0b7c1f1e-5d1a-4a53-9d0e-3f1c2b4a5d6e',
          text: 'Kai was great',
          rating: '4',
          customerName: 'Jo',
          contact: ' jo@example.com ',
          consent: 'yes',
          startedAt: '12345',
        }),
      ),
    ).toEqual({
      ok: true,
      body: {
        memberId: '0b7c1f1e-5d1a-4a53-9d0e-3f1c2b4a5d6e',
        text: 'Kai was great',
        rating: 4,
        customerName: 'Jo',
        contact: 'jo@example.com',
        consent: true,
        startedAt: 12345,
      },
    });
  });

  it('asks for the consent box instead of dropping contact details given without it', () => {
    expect(publicPraiseBody(form({ text: 'Thanks', contact: '0123 456', startedAt: '1' }))).toEqual(
      { ok: false, fieldErrors: { consent: [{ code: 'required', params: {} }] } },
    );
  });

  it('sends no contact details when the box is ticked but nothing is written', () => {
    expect(publicPraiseBody(form({ text: 'Thanks', consent: 'yes', startedAt: '1' }))).toEqual({
      ok: true,
      body: { text: 'Thanks', startedAt: 1 },
    });
  });

  it.each(['0', '6', '4.5', 'five', '-1'])('refuses the rating %s', (rating) => {
    expect(publicPraiseBody(form({ text: 'Thanks', rating, startedAt: '1' }))).toEqual({
      ok: false,
      fieldErrors: { rating: [{ code: 'out_of_range', params: { min: 1, max: 5 } }] },
    });
  });

  it('turns a missing or garbled start time into 0, which the API drops as a stale form', () => {
    for (const startedAt of [undefined, '', 'soon', '1e12', '-5']) {
      const fields: Record<string, string> = { text: 'Thanks' };
      if (startedAt !== undefined) {
        fields.startedAt = startedAt;
      }
      expect(publicPraiseBody(form(fields))).toEqual({
        ok: true,
        body: { text: 'Thanks', startedAt: 0 },
      });
    }
  });

  it('passes a filled-in trap on untouched, for the API to drop silently', () => {
    expect(
      publicPraiseBody(form({ text: 'Buy now', startedAt: '1', website: ' http://spam.example' })),
    ).toEqual({
      ok: true,
      body: { text: 'Buy now', startedAt: 1, website: ' http://spam.example' },
    });
  });
});
