import type { SessionToken } from "@app/contract";
import { apiRequest } from "@/lib/api-client";

/** A 60-second session token made from the session cookie. */
export const getToken = () => apiRequest<SessionToken>("/api/auth/token");
