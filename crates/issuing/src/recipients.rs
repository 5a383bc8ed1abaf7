//! A CSV of recipients, read and checked row by row before anything is issued.
//!
//! Columns (header names in any case, in any order; others are ignored with a
//! warning): `email` (required: an e-mail address or a DID), `name`,
//! `evidence_url`, `evidence_narrative`, `valid_from`, `valid_until`. Dates are
//! RFC 3339 (`2025-06-30T12:00:00Z`) or a plain date (`2025-06-30`, midnight
//! UTC). Every problem is reported with its line number; a file with any row
//! error issues nothing.

use std::collections::HashMap;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

use crate::credential::{Recipient, is_web_url};

/// The most rows one CSV may hold.
pub const MAX_ROWS: usize = 100_000;
/// The longest value in a cell, in bytes.
pub const MAX_CELL_BYTES: usize = 10_000;

/// The columns Badgesmith reads.
pub const COLUMNS: [&str; 6] = [
    "email",
    "name",
    "evidence_url",
    "evidence_narrative",
    "valid_from",
    "valid_until",
];

/// One recipient row, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on (the header is line 1).
    pub line: u32,
    /// `email`: an e-mail address or a DID.
    pub identity: String,
    /// `name`.
    pub name: Option<String>,
    /// `evidence_url`.
    pub evidence_url: Option<String>,
    /// `evidence_narrative`.
    pub evidence_narrative: Option<String>,
    /// `valid_from`, as written.
    pub valid_from: Option<String>,
    /// `valid_until`, as written.
    pub valid_until: Option<String>,
    /// What is wrong with it; empty when it can be issued.
    pub errors: Vec<String>,
}

/// A whole CSV file, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipients {
    /// Every data row, in order.
    pub rows: Vec<Row>,
    /// Things worth knowing that do not stop issuing.
    pub warnings: Vec<String>,
}

impl Recipients {
    /// How many rows have errors.
    pub fn error_count(&self) -> usize {
        self.rows.iter().filter(|r| !r.errors.is_empty()).count()
    }
}

/// Parses a date-time cell: RFC 3339, or a plain date at midnight UTC.
pub fn parse_date(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(t);
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &fmt)
        .ok()
        .map(|d| PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_utc())
}

/// Reads and checks a CSV of recipients. `Err` is for a file that cannot be
/// used at all (no `email` column, not text, too many rows), as one sentence
/// without the file's name.
pub fn read(bytes: &[u8]) -> Result<Recipients, String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| format!("it is not UTF-8 text (byte {})", e.valid_up_to()))?;
    if text.trim().is_empty() {
        return Err("it is empty; the first line must name the columns, e.g. email,name".into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("its header line cannot be read ({e})"))?
        .clone();
    let mut column: HashMap<&'static str, usize> = HashMap::new();
    let mut ignored = Vec::new();
    let mut warnings = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let key = h.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        match COLUMNS.iter().find(|c| **c == key) {
            Some(c) => {
                if column.insert(c, i).is_some() {
                    return Err(format!("the column \"{c}\" appears twice in the header"));
                }
            }
            None => ignored.push(if h.is_empty() {
                format!("column {}", i + 1)
            } else {
                format!("\"{h}\"")
            }),
        }
    }
    let Some(&email_col) = column.get("email") else {
        return Err(format!(
            "it has no \"email\" column; the header must name the columns, e.g. {}",
            COLUMNS.join(",")
        ));
    };
    if !ignored.is_empty() {
        warnings.push(format!(
            "ignored {} {} (Badgesmith reads {})",
            if ignored.len() == 1 {
                "column"
            } else {
                "columns"
            },
            ignored.join(", "),
            COLUMNS.join(", ")
        ));
    }
    let width = headers.len();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut record = csv::StringRecord::new();
    // The reader's own line count skips blank lines; count from byte offsets.
    // A line ends at LF, CRLF or a lone CR, as the reader sees it.
    let bytes = text.as_bytes();
    let newlines: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|&(i, b)| *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .map(|(i, _)| i)
        .collect();
    let line_at = |byte: u64| -> u32 {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX);
        // A record's position may be that of blank lines before it.
        while matches!(text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
            byte = byte.saturating_add(1);
        }
        u32::try_from(newlines.partition_point(|&n| n < byte) + 1).unwrap_or(u32::MAX)
    };
    loop {
        let line = line_at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                rows.push(Row {
                    line,
                    errors: vec![format!("the line cannot be read as CSV ({e})")],
                    ..Row::default()
                });
                if rows.len() > MAX_ROWS {
                    return Err(format!("it has more than {MAX_ROWS} rows"));
                }
                continue;
            }
        }
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(line);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(format!("it has more than {MAX_ROWS} rows"));
        }
        let cell = |name: &str| -> Option<String> {
            column
                .get(name)
                .and_then(|&i| record.get(i))
                .map(str::to_owned)
                .filter(|s| !s.is_empty())
        };
        let mut row = Row {
            line,
            identity: record.get(email_col).unwrap_or_default().to_owned(),
            name: cell("name"),
            evidence_url: cell("evidence_url"),
            evidence_narrative: cell("evidence_narrative"),
            valid_from: cell("valid_from"),
            valid_until: cell("valid_until"),
            errors: Vec::new(),
        };
        if record.len() != width {
            row.errors.push(format!(
                "it has {} fields but the header has {width}",
                record.len()
            ));
        }
        if record.iter().any(|c| c.len() > MAX_CELL_BYTES) {
            row.errors
                .push(format!("a field is longer than {MAX_CELL_BYTES} bytes"));
        }
        check_row(&mut row, &mut seen);
        rows.push(row);
    }
    Ok(Recipients { rows, warnings })
}

/// Checks one recipient's fields; `seen` finds duplicates (e-mail addresses
/// ignoring case) across calls.
pub fn check_row(row: &mut Row, seen: &mut HashMap<String, u32>) {
    match Recipient::parse(&row.identity) {
        Ok(r) => {
            let key = match &r {
                Recipient::Email(e) => e.to_lowercase(),
                Recipient::Did(d) => d.clone(),
            };
            if let Some(first) = seen.get(&key) {
                row.errors
                    .push(format!("{} is already on line {first}", r.as_str()));
            } else {
                seen.insert(key, row.line);
            }
        }
        Err(e) => row.errors.push(format!("email: {e}")),
    }
    if let Some(url) = &row.evidence_url
        && !is_web_url(url)
    {
        row.errors
            .push(format!("evidence_url: \"{url}\" is not an http(s) URL"));
    }
    let from = match &row.valid_from {
        Some(t) => match parse_date(t) {
            Some(d) => Some(d),
            None => {
                row.errors.push(format!(
                    "valid_from: \"{t}\" is not a date (write 2025-06-30 or 2025-06-30T12:00:00Z)"
                ));
                None
            }
        },
        None => None,
    };
    if let Some(t) = &row.valid_until {
        match parse_date(t) {
            Some(until) => {
                if from.is_some_and(|f| until <= f) {
                    row.errors
                        .push("valid_until: it is not after valid_from".into());
                }
            }
            None => row.errors.push(format!(
                "valid_until: \"{t}\" is not a date (write 2025-06-30 or 2025-06-30T12:00:00Z)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_in_any_column_order_and_case() {
        let r = read(
            b"Name,EMAIL,Team\nAda Lovelace,ada@example.org,blue\n\nGrace,grace@example.org,red\n",
        )
        .unwrap();
        assert_eq!(r.rows.len(), 2);
        assert_eq!(r.rows[0].identity, "ada@example.org");
        assert_eq!(r.rows[0].name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(r.rows[0].line, 2);
        assert_eq!(r.rows[1].line, 4);
        assert_eq!(r.error_count(), 0);
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].contains("\"Team\""), "{:?}", r.warnings);
        let r = read(b"email\rada@example.org\r\rgrace@example.org\r\n").unwrap();
        assert_eq!(r.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn every_row_error_is_reported() {
        let csv = "email,name,evidence_url,valid_from,valid_until\n\
                   ada@example.org,Ada,,2025-01-01,2024-01-01\n\
                   not-an-email,X,,,\n\
                   ADA@example.org,Ada again,,,\n\
                   bob@example.org,Bob,ftp://x,yesterday,\n\
                   carol@example.org,Carol\n";
        let r = read(csv.as_bytes()).unwrap();
        let errs: Vec<_> = r.rows.iter().map(|r| r.errors.join("; ")).collect();
        assert!(errs[0].contains("not after valid_from"), "{errs:?}");
        assert!(errs[1].contains("not an e-mail address"), "{errs:?}");
        assert!(errs[2].contains("already on line 2"), "{errs:?}");
        assert!(
            errs[3].contains("evidence_url") && errs[3].contains("valid_from"),
            "{errs:?}"
        );
        assert!(
            errs[4].contains("2 fields but the header has 5"),
            "{errs:?}"
        );
        assert_eq!(r.error_count(), 5);
    }

    #[test]
    fn files_that_cannot_be_used() {
        assert!(read(b"").unwrap_err().contains("empty"));
        assert!(
            read(b"name,mail\nAda,a@b.c\n")
                .unwrap_err()
                .contains("no \"email\" column")
        );
        assert!(read(b"email,EMAIL\n").unwrap_err().contains("twice"));
        assert!(read(b"email\n\xff\xfe\n").unwrap_err().contains("UTF-8"));
    }

    #[test]
    fn a_byte_order_mark_and_quotes_are_fine() {
        let r =
            read("\u{feff}email,name\n\"ada@example.org\",\"Lovelace, Ada\"\n".as_bytes()).unwrap();
        assert_eq!(r.rows[0].name.as_deref(), Some("Lovelace, Ada"));
        assert_eq!(r.error_count(), 0);
    }

    #[test]
    fn dates() {
        assert!(parse_date("2025-06-30").is_some());
        assert!(parse_date("2025-06-30T12:00:00Z").is_some());
        assert!(parse_date("2025-06-30T12:00:00+02:00").is_some());
        assert!(parse_date("30/06/2025").is_none());
    }
}
