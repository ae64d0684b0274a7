import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';
import { until } from './wait';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. Its port is chosen up front,
 * so an app can be pointed at it before it listens (a mail server that is down) and it can
 * be stopped and started again on the same address.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  private constructor(readonly port: number) {}

  /** A sink on a free port; listening unless `listening: false`. */
  static async create({ listening = true } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort());
    if (listening) {
      await sink.start();
    }
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Pooled client connections would otherwise hold `close` for 30 s.
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            for (const to of session.envelope.rcptTo) {
              this.received.push({
                to: to.address,
                subject: mail.subject ?? '',
                text: mail.text ?? '',
              });
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The mails to `address` once there are `count` of them. */
  async mailsTo(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    await until(
      () => this.received.filter((m) => m.to === address).length >= count,
      timeoutMs,
      `${count} mail(s) to ${address}`,
    );
    return this.received.filter((m) => m.to === address);
  }
}
