//! Small XML text helpers: positions, whitespace, escaping and allowed characters.

/// The XML whitespace characters: space, tab, line feed and carriage return.
pub(crate) fn is_xml_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Trims XML whitespace from both ends.
pub(crate) fn trim_xml_whitespace(text: &str) -> &str {
    text.trim_matches(is_xml_whitespace)
}

/// Whether XML 1.0 allows `c` anywhere in a document.
///
/// See: <https://www.w3.org/TR/xml/#charsets>
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
///
/// An offset past the end or inside a character counts up to the last whole
/// character before it.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    let before = text.get(..end).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |nl| nl.saturating_add(1));
    let line = before
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        .saturating_add(1);
    let column = before
        .get(line_start..)
        .unwrap_or_default()
        .chars()
        .count()
        .saturating_add(1);
    (line, column)
}

/// Escapes `&`, `<`, `>` and `"` for a double-quoted attribute value.
pub(crate) fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4));
        // Inside the two bytes of é.
        assert_eq!(line_column(text, 6), (2, 3));
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, 9), (3, 2));
        assert_eq!(line_column(text, 1000), (3, 2));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_attribute(r#"a&b<c>d"e'f"#),
            "a&amp;b&lt;c&gt;d&quot;e'f"
        );
    }

    #[test]
    fn chars() {
        assert!(is_xml_char('\n'));
        assert!(!is_xml_char('\u{0}'));
        assert!(!is_xml_char('\u{1f}'));
        assert!(!is_xml_char('\u{fffe}'));
        assert!(is_xml_char('\u{1f600}'));
        assert_eq!(trim_xml_whitespace(" \t\na b\r\n"), "a b");
        assert_eq!(trim_xml_whitespace("\u{a0}x\u{a0}"), "\u{a0}x\u{a0}");
    }
}
