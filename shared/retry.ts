/**
 * The one rule for "is this delivery worth retrying", used by every sender of events: the local
 * Broker's deliveries (`local/delivery.ts`) and the emitter to `K_SINK` (`shared/emitter.ts`).
 *
 * It is the rule Knative Eventing's senders apply: `SelectiveRetry` in knative/eventing
 * `pkg/kncloudevents/retries.go` retries no answer at all, 404 (a pod still becoming ready),
 * 408, 409, 429 and every 5xx, and nothing else. The data-plane contract
 * (knative/specs `specs/eventing/data-plane.md`, "Event Acknowledgement and Delivery Retry")
 * lists 404, 409, 429 and 5xx as retried and other 4xx as final; 408 is the implementation's
 * addition. So a consumer answers 400 for an event it will never accept, and 503 (or 429) for a
 * failure a later attempt may not meet.
 */
const RETRYABLE_4XX: ReadonlySet<number> = new Set([404, 408, 409, 429]);

/** True for the response statuses Knative retries (a network error or timeout is always retried). */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_4XX.has(status);
}
