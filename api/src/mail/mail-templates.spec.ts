import { LOCALES } from '@bravo/shared';
import { renderMail } from './mail-templates';

describe('mail templates', () => {
  const reset = { name: 'Lena', url: 'http://shop.example/reset/abc', minutes: 60 };

  it('write each mail in the recipient language, with its link', () => {
    const en = renderMail('password_reset', 'en', reset);
    const ar = renderMail('password_reset', 'ar', reset);
    expect(en.subject).toBe('Reset your Bravo password');
    expect(ar.subject).toBe('إعادة تعيين كلمة مرور برافو');
    for (const mail of [en, ar]) {
      expect(mail.body).toContain(reset.url);
      expect(mail.body).toContain('Lena');
    }
  });

  it('have every kind in every language', () => {
    for (const locale of LOCALES) {
      const invitation = renderMail('invitation', locale, {
        organizationName: 'Corner Bakery',
        inviterName: 'Ada',
        url: 'http://x/invite/t',
        days: 7,
      });
      const kudos = renderMail('kudos_received', locale, {
        name: 'Lena',
        giverName: 'Ada',
        hashtag: 'OwnIt',
        points: 10,
        message: 'Thanks for the cover',
        url: 'http://x/',
      });
      expect(invitation.subject).toContain('Corner Bakery');
      expect(kudos.body).toContain('Thanks for the cover');
    }
  });
});
