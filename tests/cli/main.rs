//! Black-box tests of the `badgesmith` command line: they run the built binary
//! the way a script would and check its output, files and exit codes.

mod bake;
mod design;
mod errors;
mod inspect;
mod issue;
mod online;
mod support;
mod unbake;
mod verify;
mod wallet;
