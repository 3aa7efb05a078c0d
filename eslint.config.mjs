import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".scratch/**", "lib/generated/**", ".next/**", ".next-*/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
