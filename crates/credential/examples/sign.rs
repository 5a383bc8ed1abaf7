//! Signs a credential read from standard input, for interoperability tests and
//! for developers reproducing the published test vectors:
//!
//! ```text
//! cargo run -q -p badgesmith-credential --example sign -- \
//!     --seed <64 hex digits> --suite eddsa-rdfc-2022|eddsa-jcs-2022|jwt \
//!     [--created RFC3339] [--vm VERIFICATION_METHOD] < unsigned.json > signed.json
//! ```
//!
//! The verification method defaults to the seed's `did:key:z6Mk…#z6Mk…`, and
//! `--created` to the current time.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read as _;
use std::process::ExitCode;

use badgesmith_credential::di::{self, SignOptions, Suite};
use badgesmith_credential::{did, vcjwt};
use ed25519_dalek::SigningKey;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sign: {e}");
            ExitCode::from(2)
        }
    }
}

fn seed(hex: &str) -> Result<SigningKey, String> {
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|p| u8::from_str_radix(p, 16).ok())
        })
        .collect();
    let bytes: [u8; 32] = bytes
        .and_then(|b| b.try_into().ok())
        .ok_or("--seed must be 64 hex digits (a 32-byte Ed25519 seed)")?;
    Ok(SigningKey::from_bytes(&bytes))
}

fn run() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let (mut key, mut suite, mut created, mut vm) = (None, None, None, None);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--seed" => key = Some(seed(&value)?),
            "--suite" => suite = Some(value),
            "--created" => created = Some(value),
            "--vm" => vm = Some(value),
            other => return Err(format!("unknown option {other}")),
        }
    }
    let key = key.ok_or("--seed is required")?;
    let suite = suite.ok_or("--suite is required")?;
    let vm = vm.unwrap_or_else(|| did::did_key_verification_method(&key.verifying_key()));
    let created = match created {
        Some(c) => c,
        None => OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .map_err(|e| e.to_string())?
            .format(&Rfc3339)
            .map_err(|e| e.to_string())?,
    };
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("standard input: {e}"))?;
    let credential: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("standard input is not JSON: {e}"))?;
    let suite = match suite.as_str() {
        "eddsa-rdfc-2022" => Suite::EddsaRdfc2022,
        "eddsa-jcs-2022" => Suite::EddsaJcs2022,
        "jwt" => {
            let iat = OffsetDateTime::parse(&created, &Rfc3339)
                .map_err(|_| "--created is not RFC 3339")?;
            return vcjwt::sign(&credential, &key, &vm, Some(iat)).map_err(|e| e.to_string());
        }
        other => {
            return Err(format!(
                "--suite {other} is not eddsa-rdfc-2022, eddsa-jcs-2022 or jwt"
            ));
        }
    };
    let options = SignOptions {
        suite,
        verification_method: &vm,
        created: &created,
        proof_purpose: "assertionMethod",
    };
    let signed = di::sign(&credential, &key, &options).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&signed).map_err(|e| e.to_string())
}
