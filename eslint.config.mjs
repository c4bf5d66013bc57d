import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next*/**", "generated/**", "data/**", "data-bench*/**", "public/site.js", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only lib/ talks to the database: routes and components call lib/<domain>.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db/client", message: "Routes and components call lib/<domain> queries, not the database.", allowTypeImports: true }],
          patterns: [{ group: ["@/generated/*", "@prisma/*"], message: "Only lib/ imports Prisma.", allowTypeImports: true }],
        },
      ],
    },
  },
  {
    // The public site is plain HTML (lib/site/render.ts): its links are <a>, and next/link,
    // which needs the framework runtime on the page, must not creep back in.
    files: ["components/site/**/*.tsx", "lib/site/document.tsx", "lib/site/pages/**/*.tsx"],
    rules: {
      // A whole document rendered by react-dom/server outside Next.js: its <head> is ours.
      "@next/next/no-head-element": "off",
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-img-element": "off",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next/link", message: "Public pages ship no framework runtime: use a plain <a>." },
            { name: "@/lib/db/client", message: "Routes and components call lib/<domain> queries, not the database.", allowTypeImports: true },
          ],
          patterns: [{ group: ["@/generated/*", "@prisma/*"], message: "Only lib/ imports Prisma.", allowTypeImports: true }],
        },
      ],
    },
  },
];

export default config;
