// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The shapes a layer can take.
 */
export type ShapeKind = "circle" | "square" | "roundedSquare" | "diamond" | "pentagon" | "hexagon" | "octagon" | "star" | "shield" | "scallopedSeal" | "rosette" | "banner" | "laurelWreath" | "heart";
