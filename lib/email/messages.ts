import { renderEmail, type EmailPart, type RenderedEmail } from "./layout";

/**
 * The words of every email Rapport sends. Pure: names, notes and absolute links come in as
 * arguments; renderEmail escapes them. Subjects carry names, so renderEmail refuses line breaks.
 */
const SIGN_OFF = "You get this email because you have an account on Rapport.";
const footer = (unsubscribe?: string) =>
  unsubscribe ? `${SIGN_OFF} Stop these emails: ${unsubscribe} — or choose at /settings/notifications.` : SIGN_OFF;

export function verifyEmailMessage(o: { name: string; link: string; isChange: boolean }): RenderedEmail {
  return renderEmail({
    subject: o.isChange ? "Confirm your new email address" : "Confirm your email address",
    heading: `Hello ${o.name}`,
    parts: [
      { kind: "p", text: o.isChange ? "Please confirm that this is your new address for Rapport. Until you do, we keep using the old one." : "Please confirm your email address so you can send connection requests." },
      { kind: "button", label: "Confirm this address", href: o.link },
      { kind: "p", text: "The link works for 24 hours. If you did not ask for this, you can ignore this email." },
    ],
    footer: SIGN_OFF,
  });
}

export function emailChangedNotice(o: { name: string; newEmail: string }): RenderedEmail {
  return renderEmail({
    subject: "Your Rapport email address was changed",
    heading: `Hello ${o.name}`,
    parts: [
      { kind: "p", text: `Your account now uses ${o.newEmail}. We will not send to this address any more.` },
      { kind: "p", text: "If you did not do this, reset your password at once and tell an administrator." },
    ],
    footer: SIGN_OFF,
  });
}

export function passwordResetMessage(o: { name: string; link: string; minutes: number }): RenderedEmail {
  return renderEmail({
    subject: "Reset your Rapport password",
    heading: `Hello ${o.name}`,
    parts: [
      { kind: "p", text: "Someone (we hope you) asked to reset your password." },
      { kind: "button", label: "Choose a new password", href: o.link },
      { kind: "p", text: `The link works once, for ${o.minutes} minutes. Choosing a new password signs you out everywhere.` },
      { kind: "p", text: "If you did not ask for this, ignore this email: your password stays as it is." },
    ],
    footer: SIGN_OFF,
  });
}

export function signInLinkMessage(o: { name: string; link: string; minutes: number }): RenderedEmail {
  return renderEmail({
    subject: "Your Rapport sign-in link",
    heading: `Hello ${o.name}`,
    parts: [
      { kind: "p", text: "Someone (we hope you) asked for a link to sign in to Rapport without a password." },
      { kind: "button", label: "Sign in to Rapport", href: o.link },
      { kind: "p", text: `The link works once, for ${o.minutes} minutes — also while password sign-in is paused after failed attempts.` },
      { kind: "p", text: "If you did not ask for it, ignore this email: nobody can use the link without reading your inbox." },
    ],
    footer: SIGN_OFF,
  });
}

export function signInFailuresMessage(o: { name: string; failures: number; minutes: number; linkPage: string; resetPage: string }): RenderedEmail {
  return renderEmail({
    subject: "Failed sign-in attempts on your Rapport account",
    heading: `Hello ${o.name}`,
    parts: [
      { kind: "p", text: `Someone tried to sign in to your account with a wrong password ${o.failures} times in the last ${o.minutes} minutes.` },
      { kind: "p", text: `For your safety, signing in with your password is paused for up to ${o.minutes} minutes. You can still get in at once with a sign-in link sent to this address.` },
      { kind: "button", label: "Email me a sign-in link", href: o.linkPage },
      { kind: "p", text: "If it was you, no harm done. If it wasn't, your password held — but if it is one you use elsewhere, choose a new one:" },
      { kind: "button", label: "Choose a new password", href: o.resetPage },
    ],
    footer: SIGN_OFF,
  });
}

export function requestReceivedMessage(o: { from: string; note: string; link: string; unsubscribe: string }): RenderedEmail {
  const parts: EmailPart[] = [{ kind: "p", text: `${o.from} would like to connect with you.` }];
  if (o.note.trim()) parts.push({ kind: "quote", text: o.note });
  parts.push({ kind: "button", label: "Review the request", href: o.link });
  return renderEmail({ subject: `${o.from} would like to connect`, heading: "A new connection request", parts, footer: footer(o.unsubscribe) });
}

export type RequestAnswer = { kind: "accepted" } | { kind: "not_yet"; askAgainFrom: Date } | { kind: "no" };

export function requestAnsweredMessage(o: { by: string; answer: RequestAnswer; link: string; unsubscribe: string }): RenderedEmail {
  const when = o.answer.kind === "not_yet" ? o.answer.askAgainFrom.toISOString().slice(0, 10) : "";
  const [subject, text] =
    o.answer.kind === "accepted"
      ? [`${o.by} accepted your request`, `You and ${o.by} are now connected.`]
      : o.answer.kind === "not_yet"
        ? [`${o.by} answered “not yet”`, `${o.by} would like to know you a little better first. You can ask again from ${when}.`]
        : [`${o.by} answered your request`, `${o.by} has decided not to connect for now. Thank you for asking kindly.`];
  return renderEmail({
    subject,
    heading: subject,
    parts: [{ kind: "p", text }, { kind: "button", label: "Open Rapport", href: o.link }],
    footer: footer(o.unsubscribe),
  });
}

/** `count` > 1: several interactions logged at once (Found for you), said as one. */
export function loggedPendingMessage(o: { by: string; kind: string; count?: number; checkedBy?: string | null; link: string; unsubscribe: string }): RenderedEmail {
  const many = (o.count ?? 1) > 1;
  const what = many ? `${o.count} interactions` : `a ${o.kind}`;
  return renderEmail({
    subject: `${o.by} logged ${what} with you`,
    heading: many ? "Interactions await your confirmation" : "An interaction awaits your confirmation",
    parts: [
      { kind: "p", text: `${o.by} logged ${what} with you. ${many ? "Each counts" : "It counts"} once you confirm it${o.checkedBy ? `, or once Rapport verifies its link on ${o.checkedBy}` : ""}.` },
      { kind: "button", label: "Confirm or decline", href: o.link },
    ],
    footer: footer(o.unsubscribe),
  });
}

export function introducedMessage(o: { by: string; other: string; note: string; link: string; unsubscribe: string }): RenderedEmail {
  const parts: EmailPart[] = [{ kind: "p", text: `${o.by} introduced you to ${o.other}.` }];
  if (o.note.trim()) parts.push({ kind: "quote", text: o.note });
  parts.push({ kind: "button", label: `See ${o.other}'s profile`, href: o.link });
  return renderEmail({ subject: `${o.by} introduced you to ${o.other}`, heading: "You were introduced", parts, footer: footer(o.unsubscribe) });
}

export type DigestFacts = { oneStepFrom: string[]; warmedUp: number; waitingRequests: number; other: string[] };

/** null when there is nothing worth an email. */
export function digestMessage(o: { facts: DigestFacts; link: string; unsubscribe: string }): RenderedEmail | null {
  const items: string[] = [];
  for (const name of o.facts.oneStepFrom) items.push(`You are one step from connecting with ${name}.`);
  if (o.facts.warmedUp) items.push(`${o.facts.warmedUp} ${o.facts.warmedUp === 1 ? "person" : "people"} warmed up to you.`);
  if (o.facts.waitingRequests) items.push(`${o.facts.waitingRequests} ${o.facts.waitingRequests === 1 ? "request waits" : "requests wait"} for your answer.`);
  items.push(...o.facts.other);
  if (!items.length) return null;
  return renderEmail({
    subject: "Your week on Rapport",
    heading: "Your week on Rapport",
    parts: [{ kind: "list", items }, { kind: "button", label: "Open Rapport", href: o.link }],
    footer: footer(o.unsubscribe),
  });
}
