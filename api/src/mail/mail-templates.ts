import type { Locale } from '@bravo/shared';

/** What each kind of e-mail needs to be written. */
export interface MailParams {
  invitation: { organizationName: string; inviterName: string; url: string; days: number };
  password_reset: { name: string; url: string; minutes: number };
  kudos_received: {
    name: string;
    giverName: string;
    hashtag: string;
    points: number;
    message: string;
    url: string;
  };
}

export type MailKind = keyof MailParams;

export interface RenderedMail {
  subject: string;
  body: string;
}

type Templates = { [K in MailKind]: (p: MailParams[K]) => RenderedMail };

/**
 * The API's own small dictionary: e-mails are written in the recipient's language when
 * they are queued (the web's i18n files stay the web's). Plain text, so nothing to escape.
 */
const TEMPLATES: Record<Locale, Templates> = {
  en: {
    invitation: (p) => ({
      subject: `${p.inviterName} invited you to ${p.organizationName} on Bravo`,
      body: `${p.inviterName} invited you to join ${p.organizationName} on Bravo, where colleagues thank each other with kudos.\n\nChoose your password here (the link works for ${p.days} days):\n${p.url}\n`,
    }),
    password_reset: (p) => ({
      subject: 'Reset your Bravo password',
      body: `Hello ${p.name},\n\nSomeone asked to reset the password of your Bravo account. Choose a new one here (the link works once, for ${p.minutes} minutes):\n${p.url}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
    }),
    kudos_received: (p) => ({
      subject: `${p.giverName} gave you kudos`,
      body: `Hello ${p.name},\n\n${p.giverName} gave you kudos for #${p.hashtag} (+${p.points} points):\n\n"${p.message}"\n\nSee it on Bravo: ${p.url}\n\nYou get these e-mails because you turned them on in your account; turn them off there.\n`,
    }),
  },
  ar: {
    invitation: (p) => ({
      subject: `${p.inviterName} يدعوك للانضمام إلى ${p.organizationName} على برافو`,
      body: `يدعوك ${p.inviterName} للانضمام إلى ${p.organizationName} على برافو، حيث يشكر الزملاء بعضهم بعضًا.\n\nاختر كلمة المرور من هنا (الرابط صالح لمدة ${p.days} أيام):\n${p.url}\n`,
    }),
    password_reset: (p) => ({
      subject: 'إعادة تعيين كلمة مرور برافو',
      body: `مرحبًا ${p.name}،\n\nطلب أحدهم إعادة تعيين كلمة مرور حسابك على برافو. اختر كلمة مرور جديدة من هنا (الرابط يعمل مرة واحدة، لمدة ${p.minutes} دقيقة):\n${p.url}\n\nإن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.\n`,
    }),
    kudos_received: (p) => ({
      subject: `${p.giverName} أرسل إليك شكرًا`,
      body: `مرحبًا ${p.name}،\n\nأرسل إليك ${p.giverName} شكرًا على #${p.hashtag} (+${p.points} نقاط):\n\n«${p.message}»\n\nشاهده على برافو: ${p.url}\n\nتصلك هذه الرسائل لأنك فعّلتها في حسابك؛ يمكنك إيقافها من هناك.\n`,
    }),
  },
};

export function renderMail<K extends MailKind>(
  kind: K,
  locale: Locale,
  params: MailParams[K],
): RenderedMail {
  const template = TEMPLATES[locale][kind] as (p: MailParams[K]) => RenderedMail;
  return template(params);
}
