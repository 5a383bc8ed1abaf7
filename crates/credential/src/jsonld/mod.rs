//! JSON-LD to canonical N-Quads (RDFC-1.0), offline and in "safe mode".
//!
//! Two paths give the same datasets. The fast one (`fast`) expands the
//! JSON value straight to quads with every context processed once and kept;
//! it covers what the bundled contexts and real credentials use. Anything
//! else, and every document that is not valid, goes through the reference
//! path: the `json-ld` crate with a loader that serves only the bundled
//! contexts ([`crate::contexts`]). A differential test holds the two to the
//! same canonical N-Quads on every vector and thousands of mutations.
//! Canonicalization likewise has a fast path for the common case (every blank
//! node told apart by its own statements, `canon`) and uses `rdf-canon`
//! otherwise.
//!
//! Safe mode: a property or type that the contexts do not define is an error
//! naming the term, and so is a node identifier that is not an absolute IRI
//! (a relative `@id`), a blank node identifier used as a property or a
//! malformed language tag: nothing is silently dropped, so no signed
//! statement can hide outside the signature.
//! Canonicalization is capped so that a "poison" graph (many blank nodes
//! built to make RDFC explode) fails fast, and documents nested deeper than
//! [`MAX_DEPTH`] are refused.

use std::collections::HashMap;
use std::sync::OnceLock;

mod canon;
#[cfg(test)]
mod differential;
mod fast;

use json_ld::expansion::{Action, Policy};
use json_ld::rdf_types::{Id, Literal, LiteralType, Term};
use json_ld::{IriBuf, LoadError, Loader, RemoteDocument};

/// At most this many calls of RDFC's "hash N-degree quads": enough for any
/// credential (a few blank nodes), far too few for a poison graph.
pub const HNDQ_CALL_LIMIT: usize = 4_000;

/// At most this many quads in one document.
pub const MAX_QUADS: usize = 20_000;

/// At most this deep a nesting of JSON objects and arrays in a document.
pub const MAX_DEPTH: usize = 64;

/// Why a document could not be canonicalized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonLdError {
    /// `@context` names a URL Badgesmith does not bundle.
    #[error("it uses the JSON-LD context {0}, which Badgesmith does not know")]
    UnknownContext(String),
    /// Safe mode: a term the contexts do not define.
    #[error("the term \"{0}\" is not defined by the credential's JSON-LD contexts")]
    UndefinedTerm(String),
    /// A type or IRI that expands to a relative IRI (safe mode).
    #[error("\"{0}\" is not defined by the credential's JSON-LD contexts")]
    RelativeIri(String),
    /// Any other JSON-LD error.
    #[error("it is not valid JSON-LD ({0})")]
    Invalid(String),
    /// The poison-graph guard tripped.
    #[error("its linked-data graph is too complex to canonicalize")]
    TooComplex,
}

/// The bundled contexts, parsed once.
fn parsed_contexts() -> &'static HashMap<String, json_ld::syntax::Value> {
    static PARSED: OnceLock<HashMap<String, json_ld::syntax::Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        crate::contexts::all()
            .filter_map(|(url, text)| {
                let value: serde_json::Value = serde_json::from_str(text).ok()?;
                Some((
                    url.to_owned(),
                    json_ld::syntax::Value::from_serde_json(value),
                ))
            })
            .collect()
    })
}

/// Serves the bundled contexts and nothing else.
#[derive(Debug, Clone, Copy)]
struct BundledLoader;

/// The error the loader gives for a context it does not have.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct NotBundled(String);

impl Loader for BundledLoader {
    async fn load(&self, url: &json_ld::Iri) -> Result<RemoteDocument<IriBuf>, LoadError> {
        match parsed_contexts().get(url.as_str()) {
            Some(doc) => Ok(RemoteDocument::new(Some(url.to_owned()), None, doc.clone())),
            None => Err(LoadError::new(
                url.to_owned(),
                NotBundled(url.as_str().to_owned()),
            )),
        }
    }
}

/// A node id as the JSON-LD processor gives it.
type LdId = Id<IriBuf, json_ld::BlankIdBuf>;
/// A quad as the JSON-LD processor gives it.
type LdQuad = json_ld::rdf_types::Quad<LdId, LdId, Term<LdId, Literal<IriBuf>>, LdId>;

/// One RDF quad, in plain strings, ready for canonicalization.
fn to_oxrdf(quad: LdQuad) -> Result<oxrdf::Quad, JsonLdError> {
    fn named_or_blank(id: &Id<IriBuf, json_ld::BlankIdBuf>) -> Result<oxrdf::Subject, JsonLdError> {
        match id {
            Id::Iri(iri) => Ok(oxrdf::NamedNode::new_unchecked(iri.as_str()).into()),
            Id::Blank(b) => blank(b.as_str()).map(Into::into),
        }
    }
    fn blank(label: &str) -> Result<oxrdf::BlankNode, JsonLdError> {
        let bare = label.strip_prefix("_:").unwrap_or(label);
        oxrdf::BlankNode::new(bare).map_err(|e| JsonLdError::Invalid(e.to_string()))
    }
    let json_ld::rdf_types::Quad(s, p, o, g) = quad;
    let subject = named_or_blank(&s)?;
    let predicate = match &p {
        Id::Iri(iri) => oxrdf::NamedNode::new_unchecked(iri.as_str()),
        Id::Blank(b) => return Err(JsonLdError::RelativeIri(b.as_str().to_owned())),
    };
    let object: oxrdf::Term = match o {
        Term::Id(id) => match named_or_blank(&id)? {
            oxrdf::Subject::NamedNode(n) => n.into(),
            oxrdf::Subject::BlankNode(b) => b.into(),
            #[allow(unreachable_patterns)]
            _ => return Err(JsonLdError::Invalid("unexpected RDF term".into())),
        },
        Term::Literal(Literal { value, type_ }) => match type_ {
            LiteralType::Any(iri) => oxrdf::Literal::new_typed_literal(
                value,
                oxrdf::NamedNode::new_unchecked(iri.as_str()),
            )
            .into(),
            LiteralType::LangString(tag) => oxrdf::Literal::new_language_tagged_literal_unchecked(
                value,
                tag.as_str().to_ascii_lowercase(),
            )
            .into(),
        },
    };
    let graph = match g {
        None => oxrdf::GraphName::DefaultGraph,
        Some(Id::Iri(iri)) => oxrdf::NamedNode::new_unchecked(iri.as_str()).into(),
        Some(Id::Blank(b)) => blank(b.as_str())?.into(),
    };
    Ok(oxrdf::Quad::new(subject, predicate, object, graph))
}

/// Whether an IRI produced by expansion is absolute (has a scheme).
fn is_absolute(iri: &str) -> bool {
    match iri.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// The RDF dataset of a JSON-LD document, expanded in safe mode with the
/// bundled contexts.
///
/// The fast path (`fast`) answers for the documents it covers; anything
/// else, errors included, goes through the `json-ld` crate, so the result and
/// the error never depend on the fast path's coverage.
pub fn to_dataset(document: &serde_json::Value) -> Result<Vec<oxrdf::Quad>, JsonLdError> {
    check_depth(document)?;
    check_contexts(document)?;
    match fast::to_dataset(document) {
        Ok(quads) => Ok(quads),
        Err(_) => reference_dataset(document),
    }
}

/// Refuses a document nested deeper than [`MAX_DEPTH`], without recursion.
fn check_depth(document: &serde_json::Value) -> Result<(), JsonLdError> {
    let mut stack = vec![(document, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        match value {
            serde_json::Value::Array(items) if depth >= MAX_DEPTH && !items.is_empty() => {
                return Err(JsonLdError::TooComplex);
            }
            serde_json::Value::Object(map) if depth >= MAX_DEPTH && !map.is_empty() => {
                return Err(JsonLdError::TooComplex);
            }
            serde_json::Value::Array(items) => {
                stack.extend(items.iter().map(|child| (child, depth + 1)));
            }
            serde_json::Value::Object(map) => {
                stack.extend(map.values().map(|child| (child, depth + 1)));
            }
            _ => {}
        }
    }
    Ok(())
}

/// [`to_dataset`] by the `json-ld` crate alone (contexts and depth checked).
fn reference_dataset(document: &serde_json::Value) -> Result<Vec<oxrdf::Quad>, JsonLdError> {
    let options = expansion_options();
    // The top-level `@context` is processed once per distinct value and
    // reused: that is most of the work of expanding a credential, and every
    // badge of an issuer (and every proof's options) shares the same one.
    let mut body = document.clone();
    let context = match body.as_object_mut().and_then(|m| m.remove("@context")) {
        Some(local) => active_context(&local, document)?,
        None => json_ld::Context::new(None),
    };
    let input = json_ld::syntax::Value::from_serde_json(body);
    let mut expanded = futures::executor::block_on(json_ld::Expand::expand_full(
        &input,
        &mut (),
        context,
        None,
        &BundledLoader,
        options,
        (),
    ))
    .map_err(|e| {
        expand_error(
            json_ld::ToRdfError::Expand(json_ld::ExpandError::Expansion(e)),
            document,
        )
    })?;
    // Safe mode: what the processor would leave out of the dataset is an error.
    if let Some(e) = expanded.iter().find_map(|o| dropped_from_object(o.inner())) {
        return Err(e);
    }
    let mut generator = json_ld::rdf_types::generator::Blank::new();
    expanded.relabel_and_canonicalize_with(&mut (), &mut generator);
    let mut quads = Vec::new();
    use json_ld::RdfQuads as _;
    for quad in expanded
        .rdf_quads_full(&mut (), &mut generator, None, false)
        .cloned()
    {
        if quads.len() >= MAX_QUADS {
            return Err(JsonLdError::TooComplex);
        }
        // Safe mode also covers IRIs that stayed relative (e.g. an unknown
        // `type` value): they would be dropped or mangled downstream.
        let json_ld::rdf_types::Quad(s, p, o, g) = &quad;
        for id in [Some(s), Some(p), g.as_ref()].into_iter().flatten() {
            if let Id::Iri(iri) = id
                && !is_absolute(iri.as_str())
            {
                return Err(JsonLdError::RelativeIri(iri.as_str().to_owned()));
            }
        }
        if let Term::Id(Id::Iri(iri)) = o
            && !is_absolute(iri.as_str())
        {
            return Err(JsonLdError::RelativeIri(iri.as_str().to_owned()));
        }
        quads.push(to_oxrdf(quad)?);
    }
    Ok(quads)
}

/// An expanded node or value the processor would leave out of the dataset:
/// a node identifier that is not an absolute IRI (a relative `@id`, or such a
/// value of an `@id` or `@vocab` typed term), which would take every
/// statement about the node with it, a property that is a blank node
/// identifier (`"_:p": …`), or a malformed language tag.
fn dropped_from_object(
    object: &json_ld::Object<IriBuf, json_ld::BlankIdBuf>,
) -> Option<JsonLdError> {
    match object {
        json_ld::Object::Value(json_ld::Value::LangString(s)) => s
            .language()
            .filter(|tag| tag.as_well_formed().is_none())
            .map(|tag| {
                JsonLdError::Invalid(format!(
                    "the language tag \"{}\" is not well-formed",
                    tag.as_str()
                ))
            }),
        json_ld::Object::Value(_) => None,
        json_ld::Object::Node(node) => dropped_from_node(node),
        json_ld::Object::List(list) => list.iter().find_map(|o| dropped_from_object(o.inner())),
    }
}

fn dropped_from_node(node: &json_ld::Node<IriBuf, json_ld::BlankIdBuf>) -> Option<JsonLdError> {
    if let Some(json_ld::Id::Invalid(id)) = &node.id {
        return Some(JsonLdError::RelativeIri(id.clone()));
    }
    if let Some(blank) = node.properties().iter().find_map(|(p, _)| p.as_blank()) {
        return Some(JsonLdError::UndefinedTerm(blank.as_str().to_owned()));
    }
    let graph = node.graph_entry().into_iter().flatten();
    let included = node.included_entry().into_iter().flatten();
    let reverse = node
        .reverse_properties_entry()
        .into_iter()
        .flat_map(|r| r.iter());
    graph
        .map(|o| dropped_from_object(o.inner()))
        .chain(included.map(|n| dropped_from_node(n.inner())))
        .chain(
            node.properties()
                .iter()
                .flat_map(|(_, values)| values.iter())
                .map(|o| dropped_from_object(o.inner())),
        )
        .chain(
            reverse
                .flat_map(|(_, nodes)| nodes.iter())
                .map(|n| dropped_from_node(n.inner())),
        )
        .find_map(|found| found)
}

fn expansion_options() -> json_ld::expansion::Options {
    json_ld::expansion::Options {
        policy: Policy {
            invalid: Action::Reject,
            vocab: Action::Keep,
            allow_undefined: false,
        },
        ..Default::default()
    }
}

/// Processed top-level contexts, by their JSON text; bounded.
type ContextCache = HashMap<String, json_ld::Context<IriBuf, json_ld::BlankIdBuf>>;

/// At most this many distinct top-level contexts are kept processed.
const CONTEXT_CACHE_SIZE: usize = 64;

/// The active context after processing the document's top-level `@context`.
fn active_context(
    local: &serde_json::Value,
    document: &serde_json::Value,
) -> Result<json_ld::Context<IriBuf, json_ld::BlankIdBuf>, JsonLdError> {
    static CACHE: OnceLock<std::sync::Mutex<ContextCache>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = local.to_string();
    if let Ok(cache) = cache.lock()
        && let Some(hit) = cache.get(&key)
    {
        return Ok(hit.clone());
    }
    use json_ld::syntax::TryFromJson as _;
    let syntax = json_ld::syntax::context::Context::try_from_json(
        json_ld::syntax::Value::from_serde_json(local.clone()),
    )
    .map_err(|e| JsonLdError::Invalid(e.to_string()))?;
    let processed = futures::executor::block_on(json_ld::Process::process_full(
        &syntax,
        &mut (),
        &json_ld::Context::new(None),
        &BundledLoader,
        None,
        json_ld::context_processing::Options::default(),
        (),
    ))
    .map_err(|e| {
        expand_error(
            json_ld::ToRdfError::Expand(json_ld::ExpandError::Expansion(
                json_ld::expansion::Error::ContextProcessing(e),
            )),
            document,
        )
    })?
    .into_processed();
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= CONTEXT_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(key, processed.clone());
    }
    Ok(processed)
}

/// Every context URL the document names must be bundled: the error names the
/// first one that is not (the JSON-LD processor would only say "loading failed").
fn check_contexts(value: &serde_json::Value) -> Result<(), JsonLdError> {
    fn urls(context: &serde_json::Value) -> Result<(), JsonLdError> {
        match context {
            serde_json::Value::String(url) if crate::contexts::bundled(url).is_none() => {
                Err(JsonLdError::UnknownContext(url.clone()))
            }
            serde_json::Value::Array(items) => items.iter().try_for_each(urls),
            serde_json::Value::Object(definition) => check_term_chains(definition),
            _ => Ok(()),
        }
    }
    match value {
        serde_json::Value::Object(map) => map.iter().try_for_each(|(key, v)| {
            if key == "@context" {
                urls(v)?;
            }
            check_contexts(v)
        }),
        serde_json::Value::Array(items) => items.iter().try_for_each(check_contexts),
        _ => Ok(()),
    }
}

/// At most this long a chain of terms defined through each other in one
/// context (`"a": "b", "b": "c", …`); the JSON-LD processor follows such a
/// chain by recursion.
pub const MAX_TERM_CHAIN: usize = 32;

/// Refuses a context definition with a chain of terms longer than
/// [`MAX_TERM_CHAIN`], without recursion.
fn check_term_chains(
    definition: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), JsonLdError> {
    // The terms of this definition that defining `term` defines first: those
    // its IRI, type or reverse mapping names, directly or as a prefix.
    let depends = |term: &str| -> Vec<&str> {
        let mut named: Vec<&str> = vec![term];
        match definition.get(term) {
            Some(serde_json::Value::String(s)) => named.push(s),
            Some(serde_json::Value::Object(d)) => named.extend(
                ["@id", "@type", "@reverse"]
                    .iter()
                    .filter_map(|k| d.get(*k).and_then(serde_json::Value::as_str)),
            ),
            _ => {}
        }
        let mut out = Vec::new();
        for s in named {
            let prefix = s.split_once(':').map(|(p, _)| p);
            for t in [Some(s), prefix].into_iter().flatten() {
                if t != term
                    && let Some((k, _)) = definition.get_key_value(t)
                {
                    out.push(k.as_str());
                }
            }
        }
        out
    };
    // Longest chain from each term, depth first with an explicit stack.
    let mut longest: HashMap<&str, usize> = HashMap::new();
    for start in definition.keys() {
        if longest.contains_key(start.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>, usize)> = vec![(start, depends(start), 0)];
        while let Some((term, pending, best)) = stack.last_mut() {
            if let Some(next) = pending.pop() {
                if let Some(length) = longest.get(next) {
                    *best = (*best).max(length + 1);
                } else if !stack.iter().any(|(t, _, _)| *t == next) {
                    // (A cycle is the processor's own error, found at once.)
                    if stack.len() >= MAX_TERM_CHAIN {
                        return Err(JsonLdError::TooComplex);
                    }
                    let further = depends(next);
                    stack.push((next, further, 0));
                }
            } else {
                let (term, best) = (*term, *best);
                if best >= MAX_TERM_CHAIN {
                    return Err(JsonLdError::TooComplex);
                }
                stack.pop();
                longest.insert(term, best);
                if let Some((_, _, parent)) = stack.last_mut() {
                    *parent = (*parent).max(best + 1);
                }
            }
        }
    }
    Ok(())
}

/// Every term any bundled context defines, at any depth (scoped contexts too).
fn defined_terms() -> &'static std::collections::HashSet<String> {
    static TERMS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    TERMS.get_or_init(|| {
        fn walk(v: &serde_json::Value, out: &mut std::collections::HashSet<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        out.insert(k.clone());
                        walk(v, out);
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = std::collections::HashSet::new();
        for (_, text) in crate::contexts::all() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
                walk(&v, &mut out);
            }
        }
        out
    })
}

/// The first `type` value of the document that no context defines, to name
/// it when the JSON-LD processor only says "invalid type".
fn undefined_type(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "type" || key == "@type" {
                    let names: Vec<&str> = match v {
                        serde_json::Value::String(s) => vec![s.as_str()],
                        serde_json::Value::Array(items) => {
                            items.iter().filter_map(serde_json::Value::as_str).collect()
                        }
                        _ => Vec::new(),
                    };
                    if let Some(name) = names
                        .into_iter()
                        .find(|n| !n.contains(':') && !defined_terms().contains(*n))
                    {
                        return Some(name.to_owned());
                    }
                }
                if key != "@context"
                    && let Some(found) = undefined_type(v)
                {
                    return Some(found);
                }
            }
            None
        }
        serde_json::Value::Array(items) => items.iter().find_map(undefined_type),
        _ => None,
    }
}

fn expand_error(e: json_ld::ToRdfError, document: &serde_json::Value) -> JsonLdError {
    let json_ld::ToRdfError::Expand(e) = e;
    match e {
        json_ld::ExpandError::Expansion(json_ld::expansion::Error::InvalidTypeValue) => {
            match undefined_type(document) {
                Some(name) => JsonLdError::UndefinedTerm(name),
                None => JsonLdError::Invalid("a type value is not valid".into()),
            }
        }
        json_ld::ExpandError::Loading(load) => {
            JsonLdError::UnknownContext(load.target.as_str().to_owned())
        }
        json_ld::ExpandError::Expansion(json_ld::expansion::Error::KeyExpansionFailed(term)) => {
            JsonLdError::UndefinedTerm(term)
        }
        other => JsonLdError::Invalid(other.to_string()),
    }
}

/// Canonical N-Quads (RDFC-1.0) of a dataset, with the poison-graph guard.
pub fn canonicalize(quads: &[oxrdf::Quad]) -> Result<String, JsonLdError> {
    match canon::canonicalize_simple(quads) {
        Some(nquads) => Ok(nquads),
        None => reference_canonicalize(quads),
    }
}

/// [`canonicalize`] by `rdf-canon` alone.
fn reference_canonicalize(quads: &[oxrdf::Quad]) -> Result<String, JsonLdError> {
    let dataset: oxrdf::Dataset = quads.iter().collect();
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    rdf_canon::canonicalize_with::<sha2::Sha256>(&dataset, &options).map_err(|e| match e {
        rdf_canon::CanonicalizationError::HndqCallLimitExceeded(_) => JsonLdError::TooComplex,
        other => JsonLdError::Invalid(other.to_string()),
    })
}

/// Canonical N-Quads of a JSON-LD document: [`to_dataset`] then [`canonicalize`].
pub fn canonical_nquads(document: &serde_json::Value) -> Result<String, JsonLdError> {
    canonicalize(&to_dataset(document)?)
}
