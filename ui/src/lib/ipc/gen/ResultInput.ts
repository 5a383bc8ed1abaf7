// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One result or skill the achievement records for its holder.
 */
export type ResultInput = { 
/**
 * What is assessed, e.g. `Knots tied`.
 */
name: string, 
/**
 * The OB 3.0 result type, e.g. `Status`, `LetterGrade`, `Percent`.
 */
resultType: string, };
