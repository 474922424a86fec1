import { TableWriter, type Column, type Exec } from "./sql-writer";

/** The real table and column names (prisma/schema.prisma @@map/@map), in insert order. */
const COLUMNS = {
  member: [
    ["id", "text"], ["email", "text"], ["handle", "text"], ["name", "text"], ["headline", "text"], ["bio", "text"],
    ["location", "text"], ["link_website", "text"], ["password_hash", "text"], ["role", '"Role"'],
    ["created_at", "timestamp(3)"], ["updated_at", "timestamp(3)"], ["topics", "text[]"],
    ["email_verified_at", "timestamp(3)"],
  ],
  policy: [
    ["member_id", "text"], ["preset", "text"], ["min_points", "int4"], ["min_interactions", "int4"],
    ["min_distinct_days", "int4"], ["min_span_days", "int4"], ["require_conversation", "bool"],
    ["require_reciprocity", "bool"], ["freshness_days", "int4"], ["daily_point_cap", "int4"],
    ["pending_logged_counts", "text"], ["allow_introductions", "bool"], ["min_account_age_days", "int4"],
    ["updated_at", "timestamp(3)"],
  ],
  post: [["id", "text"], ["author_id", "text"], ["body", "text"], ["created_at", "timestamp(3)"]],
  comment: [
    ["id", "text"], ["post_id", "text"], ["author_id", "text"], ["body", "text"], ["created_at", "timestamp(3)"],
    ["deleted_at", "timestamp(3)"],
  ],
  kudos: [["id", "text"], ["author_id", "text"], ["recipient_id", "text"], ["body", "text"], ["created_at", "timestamp(3)"]],
  logged_interaction: [
    ["id", "text"], ["actor_id", "text"], ["target_id", "text"], ["platform", "text"], ["kind", "text"],
    ["occurred_on", "date"], ["evidence_url", "text"], ["summary", "text"], ["status", "text"],
    ["created_at", "timestamp(3)"], ["decided_at", "timestamp(3)"],
  ],
  interaction: [
    ["id", "text"], ["actor_id", "text"], ["target_id", "text"], ["kind", "text"], ["source", "text"],
    ["weight", "int4"], ["occurred_at", "timestamp(3)"], ["verification", "text"], ["source_key", "text"],
    ["post_id", "text"], ["comment_id", "text"], ["kudos_id", "text"], ["logged_id", "text"], ["created_at", "timestamp(3)"],
  ],
  connection_request: [
    ["id", "text"], ["requester_id", "text"], ["recipient_id", "text"], ["note", "text"], ["status", "text"],
    ["pending_pair_key", "text"], ["decline_reason", "text"], ["snapshot", "jsonb"], ["created_at", "timestamp(3)"],
    ["expires_at", "timestamp(3)"], ["decided_at", "timestamp(3)"], ["cooldown_until", "timestamp(3)"],
  ],
  connection: [["member_a_id", "text"], ["member_b_id", "text"], ["created_at", "timestamp(3)"]],
  block: [["blocker_id", "text"], ["blocked_id", "text"], ["created_at", "timestamp(3)"]],
  notification: [["id", "text"], ["member_id", "text"], ["type", "text"], ["data", "jsonb"], ["created_at", "timestamp(3)"], ["read_at", "timestamp(3)"]],
  api_token: [["id", "text"], ["member_id", "text"], ["name", "text"], ["prefix", "text"], ["token_hash", "text"], ["scopes", "text[]"], ["created_at", "timestamp(3)"]],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof COLUMNS;

/** One batched writer per table; members and posts are written (and flushed) before the rest refer to them. */
export class Writers {
  readonly w: { [K in TableName]: TableWriter };

  constructor(exec: Exec, batchSize: number, omit: ReadonlySet<string> = new Set()) {
    this.w = Object.fromEntries(
      (Object.keys(COLUMNS) as TableName[]).map((t) => [t, new TableWriter(exec, t, COLUMNS[t], batchSize, omit)]),
    ) as { [K in TableName]: TableWriter };
  }

  async flushAll(): Promise<void> {
    // Parents before children: a child row's foreign key must find its parent.
    for (const t of Object.keys(COLUMNS) as TableName[]) await this.w[t].flush();
  }

  counts(): Record<TableName, number> {
    return Object.fromEntries(Object.entries(this.w).map(([t, w]) => [t, w.rows])) as Record<TableName, number>;
  }
}
