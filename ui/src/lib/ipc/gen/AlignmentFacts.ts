// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One alignment to a skill or standard.
 */
export type AlignmentFacts = { 
/**
 * The skill's or standard's name.
 */
name: string, 
/**
 * Where it is described.
 */
url: string | null, 
/**
 * A short description.
 */
description: string | null, 
/**
 * The framework (e.g. ESCO).
 */
framework: string | null, 
/**
 * Its code in that framework.
 */
code: string | null, };
