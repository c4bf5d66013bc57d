import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const databaseInLibOnly = { name: "@/lib/db/client", message: "Routes and components call lib/<domain> queries, not the database.", allowTypeImports: true };
const prismaInLibOnly = { group: ["@/generated/*", "@prisma/*"], message: "Only lib/ imports Prisma.", allowTypeImports: true };
const adminLinkOnly = { name: "next/link", message: 'Admin links prefetch on intent: import Link from "@/components/admin/link".' };

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
    // Only lib/ talks to the database: routes and components call lib/<domain>. And the
    // admin's links prefetch on intent, not every link in view (components/admin/link.tsx).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [adminLinkOnly, databaseInLibOnly], patterns: [prismaInLibOnly] },
      ],
    },
  },
  {
    files: ["components/admin/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [databaseInLibOnly], patterns: [prismaInLibOnly] }] },
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
          paths: [{ name: "next/link", message: "Public pages ship no framework runtime: use a plain <a>." }, databaseInLibOnly],
          patterns: [prismaInLibOnly],
        },
      ],
    },
  },
];

export default config;
