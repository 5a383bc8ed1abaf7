//! Arbitrary bytes as the inputs of issuing: a CSV of recipients (every row
//! gets a line number, in order, and row errors are counted right), a sealed
//! key or issuer backup (refused with a message or read), and a seed to
//! import. Never a panic.
#![no_main]

use badgesmith_issuing::recipients;
use badgesmith_issuing::{IssuerKey, SealedKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 => {
            if let Ok(read) = recipients::read(rest) {
                let mut last = 1;
                for row in &read.rows {
                    assert!(row.line > last, "line numbers go up: {} after {last}", row.line);
                    last = row.line;
                }
                let bad = read.rows.iter().filter(|r| !r.errors.is_empty()).count();
                assert_eq!(read.error_count(), bad);
            }
        }
        1 => {
            if let Ok(text) = std::str::from_utf8(rest) {
                // Opening would run the key derivation; reading must never panic.
                let _ = SealedKey::from_json(text);
            }
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(rest)
                && let Ok(key) = IssuerKey::from_seed_text(text)
            {
                assert!(key.did().starts_with("did:key:z6Mk"));
            }
        }
    }
});
