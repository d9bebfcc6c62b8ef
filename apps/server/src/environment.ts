import { existsSync } from "node:fs";
import { type Config, ConfigError, type Env, loadConfig } from "./config.js";

/** Adds `.env` from the working directory (the repository root) to the environment; variables already set win. */
export function loadDotEnv(): void {
	if (existsSync(".env")) process.loadEnvFile(".env");
}

/**
 * The configuration of a process that is starting: a bad value prints one line per variable,
 * never a stack trace or a value, and ends the process with `exitCode`.
 */
export function configOrExit(env: Env, exitCode: number): Config {
	try {
		return loadConfig(env);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(error.message);
		process.exit(exitCode);
	}
}
