import "server-only";
import { redirect } from "next/navigation";
import { currentViewer } from "./request-cache";

/**
 * `/`: the viewer, or null for the landing page. The dashboard's own data is still read by
 * components/dashboard/dashboard.tsx (loadDashboard) until it takes it as a prop.
 */
export async function loadHomePage() {
  const viewer = await currentViewer();
  if (viewer?.suspended) redirect("/suspended");
  return { viewer };
}
