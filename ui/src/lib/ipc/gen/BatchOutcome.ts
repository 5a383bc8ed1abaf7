// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How a batch ended.
 */
export type BatchOutcome = { 
/**
 * The batch's id.
 */
batchId: string, 
/**
 * The output folder.
 */
outputDir: string, 
/**
 * The manifest written there.
 */
manifest: string, 
/**
 * Badges issued by this run.
 */
issued: number, 
/**
 * Rows an earlier run had already issued.
 */
alreadyIssued: number, 
/**
 * Rows in all.
 */
total: number, 
/**
 * Whether the user stopped it before the end (a rerun continues it).
 */
cancelled: boolean, 
/**
 * How long this run took, in seconds.
 */
seconds: number, };
