import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * A real SMTP server on a free local port for one test file. `failNext(n)` makes the next n
 * messages fail with a temporary 451 after DATA, as a server in trouble would.
 */
export type TestSmtp = {
  url: string;
  received: ParsedMail[];
  failNext: (n: number) => void;
  /** DATA commands seen, accepted or refused */
  attempts: () => number;
  clear: () => void;
  close: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let failures = 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: "test" }),
    onData(stream, _session, cb) {
      attempts++;
      simpleParser(stream).then(
        (mail) => {
          if (failures > 0) {
            failures--;
            const err = Object.assign(new Error("Try again later: mailbox busy"), { responseCode: 451 });
            return cb(err);
          }
          received.push(mail);
          cb();
        },
        (e) => cb(e as Error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://tester:secret@127.0.0.1:${port}`,
    received,
    failNext: (n) => void (failures = n),
    attempts: () => attempts,
    clear: () => {
      received.length = 0;
      attempts = 0;
      failures = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
