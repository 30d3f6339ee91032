/** Number and text formatting: moved to src/review/format.ts (the review module and the CLI share it). */
export * from "../review/format";
