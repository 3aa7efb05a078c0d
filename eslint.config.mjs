import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // The HTML components render to strings through hono/jsx, outside React and Next: their
    // links are plain navigations by design, and their lists need no keys (nothing reconciles them).
    files: ["components/html/**/*.tsx"],
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-head-element": "off",
      "@next/next/no-css-tags": "off",
      "@next/next/no-sync-scripts": "off",
      "react/jsx-key": "off",
    },
  },
  { ignores: [".scratch/**", "lib/generated/**", ".next/**", ".next-*/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
