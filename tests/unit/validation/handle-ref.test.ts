import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZHandle } from "@/lib/validation/member";
import { ZSendRequest } from "@/lib/validation/request";
import { ZBlockMember } from "@/lib/validation/block";
import { ZRemoveConnection } from "@/lib/validation/connection";

const NOTE = "We met at the meetup and talked about gardens for an hour.";

const errorsFor = (value: unknown) => {
  const r = ZSendRequest.safeParse(value === undefined ? { note: NOTE } : { to: value, note: NOTE });
  return r.success ? undefined : fieldErrorsOf(r.error).to;
};

describe("a handle naming another member", () => {
  it("asks for a member's handle when it is missing or blank", () => {
    expect(errorsFor(undefined)).toEqual(["Enter a member's handle, like grace_kim."]);
    expect(errorsFor("  ")).toEqual(["Enter a member's handle, like grace_kim."]);
    expect(errorsFor(42)).toEqual(["Enter a member's handle, like grace_kim."]);
  });

  it("says a short handle is too short, not that 'your handle' needs more", () => {
    expect(errorsFor("ab")).toEqual(["That handle is too short — handles have at least 3 characters."]);
  });

  it("says a long or malformed handle is not a valid handle", () => {
    expect(errorsFor("a".repeat(31))).toEqual(["That handle is too long — handles have at most 30 characters."]);
    expect(errorsFor("grace-kim")).toEqual(["That isn't a valid handle — handles use only letters, digits and underscores."]);
  });

  it("never calls a reserved word 'taken': it is a valid reference that will not be found", () => {
    expect(errorsFor("suggestions")).toBeUndefined();
  });

  it("accepts @Handle in any case, as the handle", () => {
    expect(ZSendRequest.parse({ to: " @Grace_Kim ", note: NOTE }).to).toBe("grace_kim");
  });

  it.each([
    ["block", ZBlockMember],
    ["remove connection", ZRemoveConnection],
  ])("reads the same on the %s form", (_, schema) => {
    const r = schema.safeParse({ handle: "ab" });
    expect(fieldErrorsOf(r.error!).handle).toEqual(["That handle is too short — handles have at least 3 characters."]);
    const missing = schema.safeParse({});
    expect(fieldErrorsOf(missing.error!).handle).toEqual(["Enter a member's handle, like grace_kim."]);
  });
});

describe("the member's own handle", () => {
  it("keeps the sign-up wording", () => {
    expect(ZHandle.safeParse("ab").error?.issues[0].message).toBe("Your handle needs at least 3 characters.");
    expect(ZHandle.safeParse("suggestions").error?.issues[0].message).toBe("That handle is taken — try another.");
  });
});
