import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, colours and icons for "add to home screen". */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Rapport",
    short_name: "Rapport",
    description: "A professional network with manners: warm up before you connect.",
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#c2410c",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any", purpose: "any" },
      { src: "/favicon.ico", type: "image/x-icon", sizes: "16x16 32x32 48x48" },
    ],
  };
}
