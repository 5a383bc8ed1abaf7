// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Progress of a running batch, sent as the `issue-progress` event.
 */
export type BatchProgress = { 
/**
 * The batch's id.
 */
batchId: string, 
/**
 * Rows done so far, including those done by an earlier run.
 */
done: number, 
/**
 * Rows in all.
 */
total: number, };
