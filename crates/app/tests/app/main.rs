//! Integration tests of the use cases.

mod design;
mod inspect;
mod ipc_types;
mod issuing;
mod wallet;
