/**
 * Builds the Excel add-in into dist/: taskpane.html (the React pane), commands.html (the ribbon's function
 * file), notify.html (the result dialog of 一键重算), the icons and manifest.xml, and a copy of office.js:
 * inside Office the pages load office.js from Microsoft's CDN and fall back to this copy when the CDN
 * cannot be reached (offline intranets; see legacy/office-loader.js and docs/excel.md).
 *
 *   npm run build        production, minified, content-hashed
 *   npm run build:dev    development
 *   npm run dev-server   https://localhost:3000 (http when no certificate can be had; see config/dev-server.mjs)
 *
 * dist/wps/ is the WPS add-in (a JS 加载项): index.html (the entry page), guard.js (ES5) and main.js (its
 * scripts, main.js at that fixed name), notice.html and ribbon.xml. Its pane is the same dist/taskpane.html. Its bundles are not split, so the folder stands alone.
 */
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import path from "node:path";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { devServerTransport } from "./config/dev-server.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...parts) => path.join(root, ...parts);

/** office.js loads the Excel script for the running platform and its locale strings from its own folder. */
const OFFICE_JS = at("node_modules", "@microsoft", "office-js", "dist");
/**
 * What the add-in never needs: debug builds, editor docs, the other Office applications' scripts, and the
 * error page Office shows from its own servers (an HTML page without our Content-Security-Policy).
 */
const OFFICE_JS_SKIP = [
  "**/*.debug.js",
  "**/agaveerrorux/**",
  "**/office-vsdoc.js",
  "**/*.d.ts",
  "**/outlook_strings.js",
  ...["access", "onenote", "outlook", "powerpoint", "project", "visio", "word"].map(
    (app) => `${OFFICE_JS.split(path.sep).join("/")}/${app}*.js`
  ),
];

export default async (_env, argv) => {
  const production = argv.mode === "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  const page = (name, template, chunks, inject) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      // taskpane/commands list their bundles for legacy/check.js, which loads them only in a modern webview.
      inject,
      scriptLoading: "defer",
      minify: production ? { collapseWhitespace: true, removeComments: true, minifyCSS: true } : false,
    });

  return {
    mode: production ? "production" : "development",
    // Never an eval-based source map: the pages' Content-Security-Policy has no 'unsafe-eval', in development either.
    devtool: production ? false : "cheap-module-source-map",
    entry: {
      taskpane: at("src", "taskpane", "index.tsx"),
      commands: at("src", "commands", "commands.ts"),
      notify: at("src", "commands", "notify.ts"),
      "wps/main": at("src", "wps", "main.ts"),
      "wps/notice": at("src", "wps", "notice.ts"),
    },
    output: {
      path: at("dist"),
      // The WPS entry script keeps a fixed name beside index.html, as in WPS's templates: wps/main.js.
      filename: (data) =>
        data.chunk?.name === "wps/main"
          ? "wps/main.js"
          : production
            ? "[name].[contenthash:8].js"
            : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          // tabster (Fluent's focus management) ships class static blocks (ES2022): lowered to the pane's
          // ES2020, which every WPS build's Chromium parses (tests/e2e/wps-bundles.e2e.test.ts).
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/]tabster[\\/]/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: at("tsconfig.json"),
              compilerOptions: { noEmit: false, allowJs: true, target: "ES2020", module: "ESNext" },
            },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: at("tsconfig.json"),
              // ES2020 runs in WebView2, Safari 14+ (Office on Mac) and Chromium browsers (browser mode).
              compilerOptions: { noEmit: false, target: "ES2020", module: "ESNext", sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: (chunk) => !chunk.name?.startsWith("wps/"),
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/]@(fluentui|griffel|floating-ui)[\\/]/,
            name: "fluent",
            priority: 10,
          },
          // Only what the first load needs: libraries of chunks loaded on demand stay in those chunks — the
          // desk's docx writer, and the .xls / .xlsb / .ods reader (@e965/xlsx, docs/formats.md), loaded only
          // when such a file is opened.
          vendors: {
            test: /[\\/]node_modules[\\/](?!@e965[\\/])/,
            name: "vendors",
            priority: 0,
            chunks: "initial",
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      // The version the desk's documents name, as zpb names it (package.json).
      new webpack.DefinePlugin({
        __ZPB_VERSION__: JSON.stringify(JSON.parse(readFileSync(at("package.json"), "utf8")).version),
      }),
      page("taskpane", at("src", "taskpane", "taskpane.html"), ["taskpane"], false),
      page("commands", at("src", "commands", "commands.html"), ["commands"], false),
      page("notify", at("src", "commands", "notify.html"), ["notify"], "body"),
      // The template names its scripts itself: guard.js (ES5), then main.js.
      page("wps/index", at("src", "wps", "index.html"), ["wps/main"], false),
      page("wps/notice", at("src", "wps", "notice.html"), ["wps/notice"], "body"),
      new CopyWebpackPlugin({
        patterns: [
          // Copied as written: check.js must stay ES5 and office.js is already minified.
          {
            from: at("src", "taskpane", "legacy", "check.js"),
            to: "legacy/check.js",
            info: { minimized: true },
          },
          {
            from: at("src", "taskpane", "legacy", "office-loader.js"),
            to: "legacy/office-loader.js",
            info: { minimized: true },
          },
          {
            from: at("src", "taskpane", "legacy", "office-fallback.js"),
            to: "legacy/office-fallback.js",
            info: { minimized: true },
          },
          { from: at("assets"), to: "assets", globOptions: { ignore: ["**/*.md"] } },
          { from: at("manifest.xml"), to: "manifest.xml" },
          { from: at("src", "wps", "ribbon.xml"), to: "wps/ribbon.xml" },
          // Copied as written: guard.js must stay ES5 (it runs before main.js, on any WPS runtime).
          { from: at("src", "wps", "guard.js"), to: "wps/guard.js", info: { minimized: true } },
          { from: at("assets", "icon-32.png"), to: "wps/images/icon-32.png" },
          {
            from: OFFICE_JS,
            to: "office-js",
            globOptions: { ignore: OFFICE_JS_SKIP },
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: Number(process.env.ZPB_PORT || 3000),
          host: "localhost",
          server: await devServerTransport(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
