// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { AlignmentInput } from "./AlignmentInput";
import type { ResultInput } from "./ResultInput";

/**
 * What the user types for an achievement.
 */
export type AchievementInput = { 
/**
 * The issuer profile that awards it.
 */
issuerId: string, 
/**
 * Its name, e.g. `First Aid Basics`.
 */
name: string, 
/**
 * What it is.
 */
description: string, 
/**
 * What earning it takes, in words.
 */
criteriaNarrative: string | null, 
/**
 * A page describing the criteria.
 */
criteriaUrl: string | null, 
/**
 * The saved design whose rendering becomes the badge image.
 */
designId: string | null, 
/**
 * Keywords.
 */
tags: Array<string>, 
/**
 * Alignments to frameworks and skills.
 */
alignments: Array<AlignmentInput>, 
/**
 * Results and skills the badge records.
 */
results: Array<ResultInput>, };
