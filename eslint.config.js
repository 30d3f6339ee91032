import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "lib/**", "coverage/**", "tests/fixtures/**", ".tmp/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is pure: no host, UI, file-system or workbook-library import.
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process"],
              message: "src/core is pure: no Node APIs.",
            },
            {
              group: ["exceljs", "fflate", "react", "react-*", "@fluentui/*", "office-*", "@microsoft/*"],
              message: "src/core is pure: no host or UI libraries.",
            },
            {
              group: ["**/hosts/**", "**/taskpane/**", "**/cli/**", "**/commands/**"],
              message: "src/core must not depend on hosts or UI.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "Application", "wps"],
    },
  },
  prettier
);
