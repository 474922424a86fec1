import { hash32 } from "./rng";

/** Plausible text, chosen by hash so it is deterministic and costs no state. */
const FIRST = [
  "Ana", "Ben", "Chloé", "Dev", "Emma", "Farid", "Grace", "Hugo", "Iris", "Jon", "Kai", "Lena", "Maya", "Noah", "Olu",
  "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vera", "Wen", "Xavi", "Yara", "Zoe", "Aiko", "Bruno", "Carla", "Diego",
];
const LAST = [
  "Ferreira", "Okafor", "Martin", "Raman", "Lindqvist", "Haddad", "Kim", "Silva", "Novak", "Park", "Müller", "Rossi",
  "Nguyen", "Schmidt", "Dubois", "Kowalski", "Jensen", "Moreau", "Costa", "Ibrahim", "Tanaka", "Andersson", "Rahman", "Lopez",
];
const ROLES = [
  "Staff engineer", "Product designer", "Engineering manager", "Developer advocate", "Data scientist", "Security researcher",
  "Founder", "Recruiter", "Open-source maintainer", "SRE", "Frontend engineer", "Technical writer", "CTO", "Researcher",
];
const TOPICS = [
  "distributed systems", "design systems", "Postgres", "accessibility", "developer experience", "observability",
  "type systems", "hiring", "remote teams", "machine learning", "security", "open source", "mentoring", "performance",
];
const CITIES = ["Lisbon", "Lagos", "Berlin", "Toronto", "Seoul", "Nairobi", "São Paulo", "Bangalore", "Lyon", "Oslo", null, null];
const OPENERS = [
  "Spent the week on", "A small lesson about", "Unpopular opinion on", "Notes from a meetup on", "Three things I learned about",
  "Looking for advice on", "Finally wrote up my thoughts on", "A thread on",
];
const REPLIES = [
  "This matches what we saw in production, thanks for writing it up.",
  "Great point — how did you convince the team to try it?",
  "I'd add one caveat: it depends a lot on the workload.",
  "Saving this. The part about trade-offs is spot on.",
  "We tried the opposite approach and regretted it, so +1.",
  "Do you have the slides from the talk somewhere?",
  "Thanks for the shout-out, happy it helped!",
];
const KUDOS = [
  "Thank you for the thorough code review last week.",
  "Your talk on %t changed how our team works.",
  "Thanks for mentoring me through my first open-source PR.",
  "Grateful for your patient answers in the %t thread.",
];

const at = <T>(list: readonly T[], ...k: number[]) => list[hash32(...k) % list.length];

export const memberName = (i: number) => `${at(FIRST, i, 1)} ${at(LAST, i, 2)}`;
export const headline = (i: number) => `${at(ROLES, i, 3)}, ${at(TOPICS, i, 4)}`;
export const location = (i: number) => at(CITIES, i, 5);
/** Two or three topics, lowercase, the bio's two among them. */
export const topicsOf = (i: number) => [...new Set([at(TOPICS, i, 6), at(TOPICS, i, 7), at(TOPICS, i, 15)].map((t) => t.toLowerCase()))];
export const bio = (i: number) => `${memberName(i).split(" ")[0]} here. I write about ${at(TOPICS, i, 6)} and ${at(TOPICS, i, 7)}.`;

export const postBody = (n: number) =>
  `${at(OPENERS, n, 8)} ${at(TOPICS, n, 9)}. ${at(REPLIES, n, 10)} What has your experience been?`;
export const commentBody = (n: number) => at(REPLIES, n, 11);
export const kudosBody = (n: number) => at(KUDOS, n, 12).replace("%t", at(TOPICS, n, 13));

/** A request note that passes the app's rules (30–500 characters, more than a greeting). */
export const requestNote = (n: number, recipientName: string) =>
  `Hi ${recipientName.split(" ")[0]}, I enjoyed our exchange about ${at(TOPICS, n, 14)} and would like to keep learning from you.`;
