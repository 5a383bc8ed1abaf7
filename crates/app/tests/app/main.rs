//! Integration tests of the use cases.

mod inspect;
mod ipc_types;
