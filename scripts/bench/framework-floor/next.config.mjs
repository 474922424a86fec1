// The framework floor: Next.js defaults, nothing of Rapport's configuration.
const config = {};
export default config;
