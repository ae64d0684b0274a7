import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Bounded waits, so a hung mail server cannot keep a claim past its lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Nodemailer over SMTP, pooled (one connection reused for a burst of mails). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport({ url, pool: true, ...TIMEOUTS }, { from });
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}
