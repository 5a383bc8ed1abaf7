// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { RecipientInput } from "./RecipientInput";

/**
 * One row of a CSV of recipients, checked.
 */
export type BatchRow = { 
/**
 * The line number in the file (the header is line 1).
 */
line: number, 
/**
 * The recipient as read.
 */
recipient: RecipientInput, 
/**
 * The file the badge will be written to.
 */
fileName: string, 
/**
 * What is wrong with the row; empty when it can be issued.
 */
errors: Array<string>, 
/**
 * Whether this row was already issued by an earlier, interrupted run
 * into the same folder.
 */
alreadyIssued: boolean, };
