import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Sign up" };

export default async function SignupPage() {
  if (await getViewer()) redirect("/");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Join Rapport</h1>
      <p className="mt-1 mb-6 muted">A professional network where people talk before they connect.</p>
      <div className="card">
        <SignupForm />
      </div>
    </div>
  );
}
