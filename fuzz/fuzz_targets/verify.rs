//! Arbitrary text through the offline verifier: JSON credentials (whole, or
//! a real credential with a fuzzed fragment spliced in), JWS tokens and
//! anything else. Nothing panics, and every report is consistent: `valid`
//! is true exactly when no check failed, and nothing needing the network passes.
#![no_main]

use badgesmith_credential::{CheckStatus, VerifyOptions, verify_text};
use libfuzzer_sys::fuzz_target;

const BASE: &str = include_str!("../../tests/fixtures/vectors/1edtech-ob-spec/ldp-testvector-obv3p0/signed.json");

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(fragment) = std::str::from_utf8(rest) else {
        return;
    };
    let text = match mode % 3 {
        0 => fragment.to_owned(),
        // Replace the achievement's name with the fuzzed text as raw JSON.
        1 => BASE.replacen("\"Teamwork\"", fragment, 1),
        _ => format!("eyJhbGciOiJFZERTQSJ9.{fragment}.c2ln"),
    };
    let options = VerifyOptions {
        at: time::OffsetDateTime::UNIX_EPOCH,
        fetcher: None,
        recipient: Some("a@example.org"),
        local_status: None,
    };
    let report = verify_text(&text, &options);
    let failed = report.checks.iter().any(|c| c.status == CheckStatus::Fail);
    assert_eq!(report.valid, !failed);
    assert!(!report.checks.is_empty());
});
