import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through SMTP_URL (e.g. smtp://user:pass@host:587); none configured → no e-mail. */
export function createMailer(smtpUrl: string | undefined, from = 'Tisserand <no-reply@tisserand.local>') {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail: Mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
export type Mailer = NonNullable<ReturnType<typeof createMailer>>;
