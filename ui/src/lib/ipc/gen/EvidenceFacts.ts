// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One piece of evidence.
 */
export type EvidenceFacts = { 
/**
 * Its URL, if it has one.
 */
url: string | null, 
/**
 * Its name.
 */
name: string | null, 
/**
 * What it shows.
 */
description: string | null, 
/**
 * A narrative, in Markdown as written.
 */
narrative: string | null, };
