import { DAY } from "@/lib/warmup/time";

/**
 * Every stored request by requester, so the seed never breaks the rules a real member could
 * not: at most 20 requests in any rolling 7 days (a new one is allowed only if fewer than 20
 * others fall within 7 days either side of it) and at most 50 pending.
 */
export class RequestLedger {
  private readonly sent = new Map<number, number[]>();
  private readonly pending: Uint16Array;
  constructor(members: number, private readonly weeklyLimit = 20, private readonly pendingCap = 50) {
    this.pending = new Uint16Array(members);
  }
  allows(requester: number, at: number, pending: boolean): boolean {
    if (pending && this.pending[requester] >= this.pendingCap) return false;
    const week = 7 * DAY;
    const near = (this.sent.get(requester) ?? []).filter((t) => Math.abs(t - at) < week).length;
    return near < this.weeklyLimit;
  }
  record(requester: number, at: number, pending: boolean): void {
    const list = this.sent.get(requester);
    if (list) list.push(at);
    else this.sent.set(requester, [at]);
    if (pending) this.pending[requester]++;
  }
}
