import { requireMemberPage } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";
import { SettingsNav } from "@/components/layout/settings-nav";
import { ProfileForm } from "./profile-form";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const viewer = await requireMemberPage();
  const db = await getDb();
  const m = await db.member.findUniqueOrThrow({ where: { id: viewer.id }, select: { ...PROFILE_SELECT, email: true } });
  const { createdAt: _c, role: _r, ...profile } = m;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="account" />
      <div className="card">
        <p className="mb-4 text-sm muted">Signed in as {m.email} · @{m.handle}</p>
        <ProfileForm profile={profile} />
      </div>
    </div>
  );
}
