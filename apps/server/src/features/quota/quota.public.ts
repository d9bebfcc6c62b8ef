// What other features use of the quota: taking, settling and refunding a unit around a
// generation, and a user's quota as a whole. Everything else here is the quota feature's own.
export {
	deleteQuota,
	MAX_IN_FLIGHT_PER_USER,
	nextResetAt,
	provisionQuota,
	type QuotaPolicy,
	refundHold,
	settleHold,
	takeQuotaUnit,
} from "./quota.repo.js";
