//! File names for baked badges, named after their recipients.

use std::collections::HashSet;

/// The longest stem a file name gets, in characters.
const MAX_STEM: usize = 60;

/// A portable file-name stem for a recipient: their name, else the part of
/// their e-mail address before the `@`, else `badge`; lowercase ASCII letters
/// and digits joined by single hyphens (accents are dropped to their letter).
pub fn stem(name: Option<&str>, identity: &str) -> String {
    let source = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| {
            let id = identity.trim();
            if id.starts_with("did:") {
                id.rsplit(':').next().unwrap_or(id)
            } else {
                id.split('@').next().unwrap_or(id)
            }
        });
    let mut out = String::new();
    let mut hyphen = false;
    for c in source.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            if out.len() < MAX_STEM {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            hyphen = true;
        }
    }
    if out.is_empty() { "badge".into() } else { out }
}

/// Latin letters with accents to their base letter (enough for names).
fn fold(c: char) -> impl Iterator<Item = char> {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ę' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => "",
    };
    let own = if s.is_empty() { Some(c) } else { None };
    s.chars().chain(own)
}

/// Gives each stem a unique file name with `extension`, in order: the second
/// `ada-lovelace` becomes `ada-lovelace-2`, and so on. The same list always
/// gets the same names, so a rerun writes the same files.
pub fn unique_file_names<'a>(
    stems: impl IntoIterator<Item = &'a str>,
    extension: &str,
) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for stem in stems {
        let mut n = 1u32;
        loop {
            let name = if n == 1 {
                format!("{stem}.{extension}")
            } else {
                format!("{stem}-{n}.{extension}")
            };
            if taken.insert(name.clone()) {
                out.push(name);
                break;
            }
            n = n.saturating_add(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(
            stem(Some("Ada  Lovelace"), "ada@example.org"),
            "ada-lovelace"
        );
        assert_eq!(
            stem(Some("  José Ñúñez-Øberg "), "x@y.z"),
            "jose-nunez-oberg"
        );
        assert_eq!(stem(None, "grace.hopper@example.org"), "grace-hopper");
        assert_eq!(stem(Some("../../etc/passwd"), "x@y.z"), "etc-passwd");
        assert_eq!(stem(Some("李小龍"), "bruce@example.org"), "badge");
        assert_eq!(stem(None, "did:key:z6MkAbc"), "z6mkabc");
        assert!(stem(Some(&"a".repeat(500)), "x@y.z").len() <= MAX_STEM);
    }

    #[test]
    fn names_are_unique_and_stable() {
        let names = unique_file_names(["ada", "bob", "ada", "ada-2", "ada"], "png");
        assert_eq!(
            names,
            [
                "ada.png",
                "bob.png",
                "ada-2.png",
                "ada-2-2.png",
                "ada-3.png"
            ]
        );
    }
}
