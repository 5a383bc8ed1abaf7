// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One alignment of an achievement to an external framework or skill.
 */
export type AlignmentInput = { 
/**
 * The skill or standard's name.
 */
targetName: string, 
/**
 * Where it is described.
 */
targetUrl: string, 
/**
 * A short description.
 */
targetDescription: string | null, 
/**
 * The framework it belongs to (e.g. `ESCO`).
 */
targetFramework: string | null, 
/**
 * Its code in that framework.
 */
targetCode: string | null, };
