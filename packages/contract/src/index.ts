export * from "./accounts.js";
export * from "./challenge.js";
export * from "./errors.js";
export * from "./public-config.js";
export * from "./quota.js";
export * from "./stats.js";
export * from "./system.js";
export * from "./webhooks.js";
