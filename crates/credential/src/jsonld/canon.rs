//! RDFC-1.0 for the common case: every blank node has a first-degree hash of
//! its own.
//!
//! Then the canonical labels follow from those hashes alone (RDFC-1.0 §4.4.3
//! steps 3 and 4; step 5 has nothing to do), which is most credentials: a
//! few blank nodes (subject, achievement, proof graph), each with different
//! properties. Any shared hash returns `None` and the caller runs the full
//! algorithm (`rdf-canon`, with its work cap). Quads are serialized with
//! `oxrdf`, as `rdf-canon` does, so the bytes are the same.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use oxrdf::{BlankNodeRef, GraphNameRef, QuadRef, SubjectRef, TermRef};
use sha2::{Digest as _, Sha256};

/// `quad` with every blank node renamed by `label`.
fn relabel<'a>(quad: QuadRef<'a>, label: &impl Fn(&str) -> &'a str) -> QuadRef<'a> {
    let subject = match quad.subject {
        SubjectRef::BlankNode(b) => BlankNodeRef::new_unchecked(label(b.as_str())).into(),
        other => other,
    };
    let object = match quad.object {
        TermRef::BlankNode(b) => BlankNodeRef::new_unchecked(label(b.as_str())).into(),
        other => other,
    };
    let graph_name = match quad.graph_name {
        GraphNameRef::BlankNode(b) => BlankNodeRef::new_unchecked(label(b.as_str())).into(),
        other => other,
    };
    QuadRef::new(subject, quad.predicate, object, graph_name)
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The canonical N-Quads of `quads`, if every blank node's first-degree hash
/// is unique; `None` otherwise.
pub(super) fn canonicalize_simple(quads: &[oxrdf::Quad]) -> Option<String> {
    // The dataset: each quad once.
    let mut seen = HashSet::with_capacity(quads.len());
    let dataset: Vec<QuadRef<'_>> = quads
        .iter()
        .map(oxrdf::Quad::as_ref)
        .filter(|q| seen.insert(*q))
        .collect();

    // Blank node to quads, a quad once per position the node holds in it
    // (as `rdf-canon` builds the map).
    let mut mentions: HashMap<&str, Vec<QuadRef<'_>>> = HashMap::new();
    for quad in &dataset {
        if let SubjectRef::BlankNode(b) = quad.subject {
            mentions.entry(b.as_str()).or_default().push(*quad);
        }
        if let TermRef::BlankNode(b) = quad.object {
            mentions.entry(b.as_str()).or_default().push(*quad);
        }
        if let GraphNameRef::BlankNode(b) = quad.graph_name {
            mentions.entry(b.as_str()).or_default().push(*quad);
        }
    }

    // Hash First Degree Quads (§4.6) for each blank node.
    let mut by_hash: BTreeMap<String, &str> = BTreeMap::new();
    for (node, quads) in &mentions {
        let label = |b: &str| if b == *node { "a" } else { "z" };
        let mut lines: Vec<String> = quads
            .iter()
            .map(|q| format!("{} .\n", relabel(*q, &label)))
            .collect();
        lines.sort_unstable();
        let hash = hex(&Sha256::digest(lines.concat()));
        if by_hash.insert(hash, node).is_some() {
            return None;
        }
    }

    // Canonical identifiers in hash order, then the sorted N-Quads.
    let labels: HashMap<&str, String> = by_hash
        .values()
        .enumerate()
        .map(|(i, node)| (*node, format!("c14n{i}")))
        .collect();
    let label = |b: &str| labels.get(b).map_or("", String::as_str);
    let mut lines: Vec<String> = dataset
        .iter()
        .map(|q| relabel(*q, &label).to_string())
        .collect();
    lines.sort_unstable();
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 3).sum());
    for line in lines {
        out.push_str(&line);
        out.push_str(" .\n");
    }
    Some(out)
}
