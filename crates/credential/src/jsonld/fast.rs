//! The fast path from JSON-LD to RDF: expansion and "deserialize JSON-LD to
//! RDF" (JSON-LD 1.1 API, §4.1, §4.2, §5.1 and §8) straight from a
//! `serde_json::Value` to `oxrdf::Quad`s.
//!
//! Every context is processed once: the bundled documents, the type-scoped
//! and property-scoped contexts they define and the contexts documents embed
//! are turned into flat term tables, and the result of applying a local
//! context to an active context is kept, keyed by both, so entering a typed
//! node costs a lookup.
//!
//! The path covers what the bundled contexts and real credentials use. It
//! must give the same dataset (up to blank node labels) as the `json-ld`
//! crate with the policy of [`super::to_dataset`], quirks included: where the
//! crate departs from the specification or where a construct is not covered
//! here, it answers [`Fallback`] and the caller takes the crate's path. A
//! document the crate would refuse is answered [`Fallback::Reject`], so the
//! error the user sees always comes from that one place.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use json_ld::syntax::Keyword;
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, Quad, Subject, Term};
use serde_json::{Map, Value};

/// Why the fast path gave up on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fallback {
    /// A construct this path does not implement: the crate's path decides.
    Unsupported(&'static str),
    /// The document is not valid JSON-LD in safe mode: the crate's path says why.
    Reject(&'static str),
}

type Res<T> = Result<T, Fallback>;

fn unsupported<T>(what: &'static str) -> Res<T> {
    Err(Fallback::Unsupported(what))
}

fn reject<T>(what: &'static str) -> Res<T> {
    Err(Fallback::Reject(what))
}

/// Deepest nesting of objects and arrays the expansion follows (the caller
/// has checked the document against the same bound).
const MAX_DEPTH: usize = super::MAX_DEPTH;

/// Deepest chain of term definitions that refer to each other.
const MAX_DEFINE_DEPTH: usize = 64;

/// At most this many processed contexts are kept.
const MEMO_SIZE: usize = 1024;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

// ---------------------------------------------------------------------------
// Term definitions and active contexts
// ---------------------------------------------------------------------------

/// What a term expands to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mapping {
    /// A keyword alias (`"id": "@id"`).
    Keyword(Keyword),
    /// An absolute IRI, checked when the context was processed.
    Iri(Arc<str>),
}

/// A term's `@type` (type coercion).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Coercion {
    Id,
    Vocab,
    Json,
    Datatype(Arc<str>),
}

/// A term's `@container`: the kinds this path supports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Container {
    set: bool,
    list: bool,
    graph: bool,
}

/// A local context, kept for later processing.
#[derive(Debug, Clone)]
enum Local {
    /// Part of a bundled context document (parsed once, never freed).
    Bundled(&'static Value),
    /// Part of a document's own context.
    Owned(Arc<Value>),
}

/// What identifies a local context: the address of a bundled one, or the
/// JSON text of a document's own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum LocalKey {
    Bundled(usize),
    Text(Arc<str>),
}

/// A scoped context: the term's `@context`.
#[derive(Debug)]
struct Scoped {
    local: Local,
    key: LocalKey,
}

impl PartialEq for Scoped {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// A term definition.
#[derive(Debug)]
struct TermDef {
    mapping: Mapping,
    prefix: bool,
    protected: bool,
    coercion: Option<Coercion>,
    container: Container,
    context: Option<Scoped>,
}

impl TermDef {
    /// The same definition, `@protected` aside (a protected term may be
    /// defined again, identically). Stricter than the crate where in doubt
    /// (scoped contexts compare by identity), which only costs a fallback.
    fn same_as(&self, other: &Self) -> bool {
        self.mapping == other.mapping
            && self.prefix == other.prefix
            && self.coercion == other.coercion
            && self.container == other.container
            && self.context == other.context
    }
}

static NEXT_CONTEXT_ID: AtomicU64 = AtomicU64::new(1);

/// An active context: a flat term table, shared and never changed once built.
#[derive(Debug)]
struct Ctx {
    /// Unique for the life of the process: the key of derived contexts.
    id: u64,
    terms: HashMap<Arc<str>, Arc<TermDef>>,
    vocab: Option<Arc<str>>,
    /// The context to go back to in a new node object, after a type-scoped
    /// context (`@propagate: false`).
    previous: Option<Arc<Ctx>>,
}

impl Ctx {
    fn empty() -> Self {
        Self {
            id: NEXT_CONTEXT_ID.fetch_add(1, Ordering::Relaxed),
            terms: HashMap::new(),
            vocab: None,
            previous: None,
        }
    }

    /// A copy with a new identity, to be changed.
    fn fork(&self) -> Self {
        Self {
            id: NEXT_CONTEXT_ID.fetch_add(1, Ordering::Relaxed),
            terms: self.terms.clone(),
            vocab: self.vocab.clone(),
            previous: self.previous.clone(),
        }
    }

    fn term(&self, term: &str) -> Option<&Arc<TermDef>> {
        self.terms.get(term)
    }

    fn has_protected(&self) -> bool {
        self.terms.values().any(|d| d.protected)
    }
}

/// The empty context every document starts from.
fn root() -> &'static Arc<Ctx> {
    static ROOT: OnceLock<Arc<Ctx>> = OnceLock::new();
    ROOT.get_or_init(|| Arc::new(Ctx::empty()))
}

/// Context processing options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Opts {
    override_protected: bool,
    propagate: bool,
}

impl Opts {
    const DEFAULT: Self = Self {
        override_protected: false,
        propagate: true,
    };
    const PROPERTY_SCOPED: Self = Self {
        override_protected: true,
        propagate: true,
    };
    const TYPE_SCOPED: Self = Self {
        override_protected: false,
        propagate: false,
    };
}

// ---------------------------------------------------------------------------
// Bundled context documents
// ---------------------------------------------------------------------------

/// The `@context` of every bundled document, parsed once.
fn bundled() -> &'static [(&'static str, Option<Value>)] {
    static DOCS: OnceLock<Vec<(&'static str, Option<Value>)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        crate::contexts::all()
            .map(|(url, text)| {
                let context = serde_json::from_str::<Value>(text)
                    .ok()
                    .and_then(|mut doc| doc.as_object_mut()?.remove("@context"));
                (url, context)
            })
            .collect()
    })
}

/// The index and `@context` of a bundled document.
fn bundled_context(url: &str) -> Option<(usize, &'static Value)> {
    bundled()
        .iter()
        .enumerate()
        .find(|(_, (u, _))| *u == url)
        .and_then(|(i, (_, ctx))| ctx.as_ref().map(|c| (i, c)))
}

// ---------------------------------------------------------------------------
// IRI expansion
// ---------------------------------------------------------------------------

/// The result of IRI expansion (JSON-LD 1.1 API §5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Exp<'a> {
    /// Expands to null (a keyword-like string): ignored.
    Null,
    Keyword(Keyword),
    /// An absolute IRI, checked.
    Iri(Cow<'a, str>),
    /// A blank node identifier (`_:b0`), checked.
    Blank(&'a str),
    /// Anything else: a relative reference, a malformed IRI, an undefined term.
    Invalid,
}

fn is_iri(s: &str) -> bool {
    iref::Iri::new(s).is_ok()
}

fn is_keyword_like(s: &str) -> bool {
    json_ld::syntax::is_keyword_like(s)
}

/// `prefix:suffix` as the crate sees a compact IRI.
fn compact_iri(s: &str) -> Option<(&str, &str)> {
    json_ld::syntax::CompactIri::new(s).ok()?;
    s.split_once(':')
}

/// A string made of an IRI prefix and a suffix, as the crate classifies it.
fn concatenated(s: String) -> Exp<'static> {
    if is_iri(&s) {
        Exp::Iri(Cow::Owned(s))
    } else {
        Exp::Invalid
    }
}

/// IRI expansion against a processed context, as the crate does it during
/// expansion (`expand_iri_simple`). No base IRI: a relative reference stays
/// invalid.
fn expand_iri<'a>(ctx: &'a Ctx, value: &'a str, vocab: bool) -> Exp<'a> {
    if let Ok(k) = Keyword::try_from(value) {
        return Exp::Keyword(k);
    }
    if is_keyword_like(value) {
        return Exp::Null;
    }
    if let Some(def) = ctx.term(value) {
        if let Mapping::Keyword(k) = &def.mapping {
            return Exp::Keyword(*k);
        }
        if vocab && let Mapping::Iri(iri) = &def.mapping {
            return Exp::Iri(Cow::Borrowed(iri));
        }
    }
    if value.find(':').is_some_and(|i| i > 0) {
        if json_ld::BlankId::new(value).is_ok() {
            return Exp::Blank(value);
        }
        if value == "_:" {
            return Exp::Invalid;
        }
        if let Some((prefix, suffix)) = compact_iri(value)
            && let Some(def) = ctx.term(prefix)
            && def.prefix
            && let Mapping::Iri(iri) = &def.mapping
        {
            return concatenated(format!("{iri}{suffix}"));
        }
        if is_iri(value) {
            return Exp::Iri(Cow::Borrowed(value));
        }
    }
    if vocab && let Some(v) = &ctx.vocab {
        return concatenated(format!("{v}{value}"));
    }
    Exp::Invalid
}

// ---------------------------------------------------------------------------
// Context processing (JSON-LD 1.1 API §4.1 and §4.2), as the crate does it
// ---------------------------------------------------------------------------

/// Where the values of a local context come from: what a term's `@context`
/// becomes when it is kept.
trait Source<'v>: Copy {
    fn keep(self, value: &'v Value) -> Scoped;
}

#[derive(Debug, Clone, Copy)]
struct FromBundled;

impl Source<'static> for FromBundled {
    fn keep(self, value: &'static Value) -> Scoped {
        Scoped {
            local: Local::Bundled(value),
            key: LocalKey::Bundled(std::ptr::from_ref(value) as usize),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct FromDocument;

impl<'v> Source<'v> for FromDocument {
    fn keep(self, value: &'v Value) -> Scoped {
        Scoped {
            local: Local::Owned(Arc::new(value.clone())),
            key: LocalKey::Text(value.to_string().into()),
        }
    }
}

/// Processes `local` on top of `active`.
fn process<'v, S: Source<'v>>(
    active: &Arc<Ctx>,
    local: &'v Value,
    source: S,
    opts: Opts,
    stack: &[usize],
    depth: usize,
) -> Res<Ctx> {
    if depth > MAX_DEPTH {
        return reject("contexts nested too deeply");
    }
    let mut result = active.fork();
    if !opts.propagate && result.previous.is_none() {
        result.previous = Some(Arc::clone(active));
    }
    let items = match local {
        Value::Array(items) => items.as_slice(),
        one => std::slice::from_ref(one),
    };
    let mut stack = stack.to_vec();
    for item in items {
        match item {
            Value::Null => {
                if !opts.override_protected && result.has_protected() {
                    return reject("a protected context is nullified");
                }
                let previous = result;
                result = Ctx::empty();
                if !opts.propagate {
                    result.previous = Some(Arc::new(previous));
                }
            }
            Value::String(url) => {
                let Some((index, context)) = bundled_context(url) else {
                    return unsupported("a context that is not bundled");
                };
                if stack.contains(&index) {
                    continue;
                }
                stack.push(index);
                let base = Arc::new(result);
                result = process(
                    &base,
                    context,
                    FromBundled,
                    Opts::DEFAULT,
                    &stack,
                    depth + 1,
                )?;
            }
            Value::Object(def) => {
                define_all(&mut result, def, source, opts, &stack, depth)?;
            }
            _ => return reject("a context is not an object, a string or null"),
        }
    }
    Ok(result)
}

/// One context definition (an object): `@vocab`, then every term.
fn define_all<'v, S: Source<'v>>(
    result: &mut Ctx,
    def: &'v Map<String, Value>,
    source: S,
    opts: Opts,
    stack: &[usize],
    depth: usize,
) -> Res<()> {
    let mut protected = false;
    for (key, value) in def {
        match key.as_str() {
            "@version" if value.as_f64() != Some(1.1) => {
                return reject("@version is not 1.1");
            }
            "@version" => {}
            "@protected" => match value {
                Value::Bool(p) => protected = *p,
                _ => return reject("@protected is not a boolean"),
            },
            "@vocab" => {}
            k if k.starts_with('@') => return unsupported("a context keyword"),
            _ => {}
        }
    }
    match def.get("@vocab") {
        None => {}
        Some(Value::Null) => result.vocab = None,
        Some(Value::String(v)) => match expand_iri(result, v, true) {
            Exp::Iri(iri) => result.vocab = Some(iri.as_ref().into()),
            _ => return unsupported("an @vocab that is not an absolute IRI"),
        },
        Some(_) => return reject("@vocab is not a string"),
    }
    let mut definer = Definer {
        result,
        local: def,
        source,
        defined: HashMap::new(),
        protected,
        opts,
        stack,
        depth,
        define_depth: 0,
    };
    for key in def.keys() {
        if !key.starts_with('@') {
            definer.define(key, false)?;
        }
    }
    Ok(())
}

/// The state of the "create term definition" algorithm over one context
/// definition.
struct Definer<'a, 'v, S> {
    result: &'a mut Ctx,
    local: &'v Map<String, Value>,
    source: S,
    /// Terms being defined (`true`) or defined (`false`).
    defined: HashMap<&'v str, bool>,
    protected: bool,
    opts: Opts,
    stack: &'a [usize],
    depth: usize,
    define_depth: usize,
}

/// A term definition's parts, as written.
#[derive(Default)]
struct Written<'v> {
    expanded: bool,
    id: Option<&'v Value>,
    coercion: Option<&'v Value>,
    container: Option<&'v Value>,
    context: Option<&'v Value>,
    protected: Option<bool>,
}

fn written(value: &Value) -> Res<Written<'_>> {
    match value {
        Value::Null => unsupported("a term defined as null"),
        Value::String(_) => Ok(Written {
            id: Some(value),
            ..Written::default()
        }),
        Value::Object(map) => {
            let mut w = Written {
                expanded: true,
                ..Written::default()
            };
            for (k, v) in map {
                match k.as_str() {
                    "@id" => w.id = Some(v),
                    "@type" => w.coercion = Some(v),
                    "@container" => w.container = Some(v),
                    "@context" => w.context = Some(v),
                    "@protected" => match v {
                        Value::Bool(b) => w.protected = Some(*b),
                        _ => return reject("@protected is not a boolean"),
                    },
                    _ => return unsupported("a term definition entry"),
                }
            }
            Ok(w)
        }
        _ => reject("a term definition is not a string or an object"),
    }
}

fn is_gen_delim(c: char) -> bool {
    matches!(c, ':' | '/' | '?' | '#' | '[' | ']' | '@')
}

fn container(value: &Value) -> Res<Container> {
    let mut c = Container::default();
    let one = |c: &mut Container, s: &Value| -> Res<()> {
        match s.as_str() {
            Some("@set") => c.set = true,
            Some("@list") => c.list = true,
            Some("@graph") => c.graph = true,
            _ => return unsupported("a container kind"),
        }
        Ok(())
    };
    match value {
        Value::Array(items) => {
            for item in items {
                one(&mut c, item)?;
            }
        }
        other => one(&mut c, other)?,
    }
    let ok = matches!(
        (c.set, c.list, c.graph),
        (true, false, false) | (false, true, false) | (false, false, true) | (true, false, true)
    );
    if ok {
        Ok(c)
    } else {
        unsupported("a combination of containers")
    }
}

impl<'v, S: Source<'v>> Definer<'_, 'v, S> {
    /// Defines `term` if this definition has it. A term another one names
    /// (a `dependency`, defined first) gets neither the context's
    /// `@protected` default nor the right to override a protected term, as
    /// in the crate.
    fn define(&mut self, term: &'v str, dependency: bool) -> Res<()> {
        match self.defined.get(term) {
            Some(true) => return reject("a cyclic IRI mapping"),
            Some(false) => return Ok(()),
            None => {}
        }
        let Some(value) = self.local.get(term) else {
            return Ok(());
        };
        if term.is_empty() {
            return reject("an empty term");
        }
        if term.starts_with('@') {
            return unsupported("a keyword-like term");
        }
        self.define_depth += 1;
        if self.define_depth > MAX_DEFINE_DEPTH {
            return unsupported("terms defined through a long chain");
        }
        self.defined.insert(term, true);
        let previous = self.result.terms.remove(term);
        let w = written(value)?;
        let simple = !w.expanded;

        let mut def = TermDef {
            mapping: Mapping::Keyword(Keyword::Id),
            prefix: false,
            protected: w.protected.unwrap_or(self.protected && !dependency),
            coercion: None,
            container: Container::default(),
            context: None,
        };

        if let Some(t) = w.coercion {
            let Some(t) = t.as_str() else {
                return reject("@type of a term is not a string");
            };
            def.coercion = Some(match t {
                "@id" => Coercion::Id,
                "@vocab" => Coercion::Vocab,
                "@json" => Coercion::Json,
                t if t.starts_with('@') => return unsupported("a type mapping keyword"),
                t => match self.expand(t)? {
                    Exp::Iri(iri) => Coercion::Datatype(iri.as_ref().into()),
                    _ => return unsupported("a type mapping that is not an absolute IRI"),
                },
            });
        }

        let id = w.id.filter(|id| id.as_str() != Some(term));
        match id {
            Some(Value::String(id)) => {
                if let Ok(k) = Keyword::try_from(id.as_str()) {
                    if k == Keyword::Context {
                        return reject("an alias of @context");
                    }
                    def.mapping = Mapping::Keyword(k);
                } else if is_keyword_like(id) {
                    return unsupported("a keyword-like IRI mapping");
                } else {
                    def.mapping = match self.expand(id)? {
                        Exp::Iri(iri) => Mapping::Iri(iri.as_ref().into()),
                        Exp::Keyword(Keyword::Context) => return reject("an alias of @context"),
                        Exp::Keyword(k) => Mapping::Keyword(k),
                        _ => return unsupported("an IRI mapping that is not an absolute IRI"),
                    };
                }
                if term.contains(':') || term.contains('/') {
                    return unsupported("a term that looks like an IRI");
                }
                if simple
                    && let Mapping::Iri(iri) = &def.mapping
                    && iri.chars().last().is_some_and(is_gen_delim)
                {
                    def.prefix = true;
                }
            }
            Some(Value::Null) => return unsupported("a term mapped to null"),
            Some(_) => return reject("@id of a term is not a string"),
            None => {
                if let Some((_, suffix)) = term.split_once(':') {
                    if suffix.starts_with("//") && is_iri(term) {
                        def.mapping = Mapping::Iri(term.into());
                    } else {
                        return unsupported("a compact IRI as a term");
                    }
                } else if term.contains('/') {
                    return unsupported("a relative IRI as a term");
                } else {
                    match &self.result.vocab {
                        Some(v) => {
                            let iri = format!("{v}{term}");
                            if !is_iri(&iri) {
                                return reject("a term that @vocab makes an invalid IRI");
                            }
                            def.mapping = Mapping::Iri(iri.into());
                        }
                        None => return reject("a term with no IRI mapping"),
                    }
                }
            }
        }

        if let Some(c) = w.container {
            def.container = container(c)?;
        }

        if let Some(scoped) = w.context {
            if dependency {
                // The crate keeps no base URL with it: compared differently.
                return unsupported("a scoped context on a term defined out of order");
            }
            // The crate checks a scoped context when it is defined.
            let snapshot = Arc::new(self.result.fork());
            process(
                &snapshot,
                scoped,
                self.source,
                Opts {
                    override_protected: true,
                    ..self.opts
                },
                self.stack,
                self.depth + 1,
            )?;
            def.context = Some(self.source.keep(scoped));
        }

        if (dependency || !self.opts.override_protected)
            && let Some(previous) = previous
            && previous.protected
        {
            if !def.same_as(&previous) {
                return reject("a protected term is redefined");
            }
            def.protected = true;
        }

        self.result.terms.insert(term.into(), Arc::new(def));
        self.defined.insert(term, false);
        self.define_depth -= 1;
        Ok(())
    }

    /// IRI expansion while defining terms: terms of this definition that are
    /// used are defined first (`vocab` is always on here).
    fn expand(&mut self, value: &'v str) -> Res<Exp<'static>> {
        if let Ok(k) = Keyword::try_from(value) {
            return Ok(Exp::Keyword(k));
        }
        if is_keyword_like(value) {
            return Ok(Exp::Null);
        }
        self.define(value, true)?;
        if let Some(def) = self.result.term(value) {
            return Ok(match &def.mapping {
                Mapping::Keyword(k) => Exp::Keyword(*k),
                Mapping::Iri(iri) => Exp::Iri(Cow::Owned(iri.to_string())),
            });
        }
        if value.find(':').is_some_and(|i| i > 0) {
            if value.starts_with("_:") {
                return unsupported("a blank node identifier in a context");
            }
            if let Some((prefix, suffix)) = compact_iri(value) {
                self.define(prefix, true)?;
                if let Some(def) = self.result.term(prefix)
                    && def.prefix
                    && let Mapping::Iri(iri) = &def.mapping
                {
                    return Ok(concatenated(format!("{iri}{suffix}")));
                }
            }
            if is_iri(value) {
                return Ok(Exp::Iri(Cow::Owned(value.to_owned())));
            }
        }
        if let Some(v) = &self.result.vocab {
            return Ok(concatenated(format!("{v}{value}")));
        }
        Ok(Exp::Invalid)
    }
}

// ---------------------------------------------------------------------------
// Processed contexts, kept
// ---------------------------------------------------------------------------

type MemoKey = (u64, LocalKey, Opts);

fn memo() -> &'static Mutex<HashMap<MemoKey, Arc<Ctx>>> {
    static MEMO: OnceLock<Mutex<HashMap<MemoKey, Arc<Ctx>>>> = OnceLock::new();
    MEMO.get_or_init(Default::default)
}

/// `active` with a term's scoped context applied, processed once.
fn apply_scoped(active: &Arc<Ctx>, scoped: &Scoped, opts: Opts) -> Res<Arc<Ctx>> {
    let key = (active.id, scoped.key.clone(), opts);
    if let Some(hit) = memo().lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(hit);
    }
    let processed = match &scoped.local {
        Local::Bundled(v) => process(active, v, FromBundled, opts, &[], 0)?,
        Local::Owned(v) => process(active, v.as_ref(), FromDocument, opts, &[], 0)?,
    };
    Ok(remember(key, processed))
}

/// `active` with a document's own `@context` applied, processed once.
fn apply_embedded(active: &Arc<Ctx>, local: &Value) -> Res<Arc<Ctx>> {
    let key = (
        active.id,
        LocalKey::Text(local.to_string().into()),
        Opts::DEFAULT,
    );
    if let Some(hit) = memo().lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(hit);
    }
    let processed = process(active, local, FromDocument, Opts::DEFAULT, &[], 0)?;
    Ok(remember(key, processed))
}

fn remember(key: MemoKey, ctx: Ctx) -> Arc<Ctx> {
    let ctx = Arc::new(ctx);
    if let Ok(mut m) = memo().lock() {
        if m.len() >= MEMO_SIZE {
            m.clear();
        }
        m.insert(key, Arc::clone(&ctx));
    }
    ctx
}

// ---------------------------------------------------------------------------
// Expansion to RDF (JSON-LD 1.1 API §5.1 and §8.1), as the crate does it
// ---------------------------------------------------------------------------

/// What expanding one JSON value gives, as RDF terms.
enum Out {
    /// Nothing (`null`, a dropped value).
    Null,
    /// Nodes and literals.
    Items(Vec<Term>),
    /// A list object: its head (or `rdf:nil`).
    List(Term),
}

impl Out {
    fn into_terms(self) -> Vec<Term> {
        match self {
            Self::Null => Vec::new(),
            Self::Items(items) => items,
            Self::List(head) => vec![head],
        }
    }
}

struct Expander<'d> {
    quads: Vec<Quad>,
    next_blank: u128,
    /// The document's own blank node identifiers, relabelled.
    labels: HashMap<&'d str, BlankNode>,
}

fn named(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// The strings of a value that is a string or an array (others are skipped).
fn strings(value: &Value) -> Vec<&str> {
    match value {
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        other => other.as_str().into_iter().collect(),
    }
}

fn as_array(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        one => std::slice::from_ref(one),
    }
}

/// A simple, well-formed BCP 47 tag: language, optional script, optional region.
fn simple_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut stage = 0;
    for part in parts {
        let alpha = part.chars().all(|c| c.is_ascii_alphabetic());
        let digit = part.chars().all(|c| c.is_ascii_digit());
        if stage == 0 && part.len() == 4 && alpha {
            stage = 1;
        } else if stage < 2 && ((part.len() == 2 && alpha) || (part.len() == 3 && digit)) {
            stage = 2;
        } else {
            return false;
        }
    }
    true
}

/// A JSON literal (`@json`), in the crate's canonical form.
fn json_literal(value: &Value) -> Term {
    let mut json = json_syntax::Value::from_serde_json(value.clone());
    json.canonicalize();
    let text = json_syntax::Print::compact_print(&json).to_string();
    Literal::new_typed_literal(text, named(RDF_JSON)).into()
}

/// The canonical XSD double form (`1.5E0`) the crate writes.
const XSD_CANONICAL_FLOAT: pretty_dtoa::FmtFloatConfig = pretty_dtoa::FmtFloatConfig::default()
    .force_e_notation()
    .capitalize_e(true);

/// A number literal, as the crate writes it: the number in JSON canonical
/// form, an `xsd:integer` if that form is an `i64`, else an `xsd:double`.
fn number_literal(n: &serde_json::Number, datatype: Option<&str>) -> Res<Term> {
    let mut json = json_syntax::Value::from_serde_json(Value::Number(n.clone()));
    json.canonicalize();
    let json_syntax::Value::Number(number) = json else {
        return unsupported("a number");
    };
    let (lexical, preferred) = if number.as_i64().is_some() && datatype != Some(XSD_DOUBLE) {
        (number.as_str().to_owned(), XSD_INTEGER)
    } else {
        (
            pretty_dtoa::dtoa(number.as_f64_lossy(), XSD_CANONICAL_FLOAT),
            XSD_DOUBLE,
        )
    };
    Ok(Literal::new_typed_literal(lexical, named(datatype.unwrap_or(preferred))).into())
}

fn typed(lexical: &str, datatype: &str) -> Term {
    Literal::new_typed_literal(lexical, named(datatype)).into()
}

impl<'d> Expander<'d> {
    fn fresh(&mut self) -> BlankNode {
        let b = BlankNode::new_from_unique_id(self.next_blank);
        self.next_blank += 1;
        b
    }

    fn blank(&mut self, label: &'d str) -> BlankNode {
        if let Some(b) = self.labels.get(label) {
            return b.clone();
        }
        let b = self.fresh();
        self.labels.insert(label, b.clone());
        b
    }

    fn emit(&mut self, subject: Subject, predicate: NamedNode, object: Term, graph: &GraphName) {
        self.quads
            .push(Quad::new(subject, predicate, object, graph.clone()));
    }

    /// An RDF list of `items`, its quads in `graph`; its head.
    fn list(&mut self, items: Vec<Term>, graph: &GraphName) -> Term {
        if items.is_empty() {
            return named(RDF_NIL).into();
        }
        let head = self.fresh();
        let mut current = head.clone();
        let count = items.len();
        for (i, item) in items.into_iter().enumerate() {
            self.emit(current.clone().into(), named(RDF_FIRST), item, graph);
            let next: Term = if i + 1 == count {
                named(RDF_NIL).into()
            } else {
                self.fresh().into()
            };
            self.emit(current.into(), named(RDF_REST), next.clone(), graph);
            current = match next {
                Term::BlankNode(b) => b,
                _ => break,
            };
        }
        head.into()
    }

    /// A node reference from an `@id`-like string: an IRI or a blank node.
    fn reference(&mut self, exp: Exp<'d>) -> Res<Subject> {
        match exp {
            Exp::Iri(iri) => Ok(named(iri.into_owned()).into()),
            Exp::Blank(label) => Ok(self.blank(label).into()),
            _ => unsupported("a node identifier that is not an absolute IRI"),
        }
    }

    /// A node reference from an `@id`-like string `value`, expanded to `exp`.
    /// A relative reference (or any malformed IRI) is refused: the crate
    /// would leave it out of the dataset, with everything said about it.
    fn identifier(&mut self, value: &'d str, exp: Exp<'_>) -> Res<Subject> {
        let exp = match exp {
            Exp::Iri(iri) => Exp::Iri(Cow::Owned(iri.into_owned())),
            Exp::Blank(_) => Exp::Blank(value),
            Exp::Invalid => return reject("a relative IRI"),
            _ => return unsupported("a node identifier that is a keyword"),
        };
        self.reference(exp)
    }

    /// The Expansion Algorithm for one element.
    fn element(
        &mut self,
        ctx: &Arc<Ctx>,
        property: Option<&'d str>,
        value: &'d Value,
        graph: &GraphName,
        depth: usize,
    ) -> Res<Out> {
        if depth > MAX_DEPTH {
            return reject("the document is nested too deeply");
        }
        match value {
            Value::Null => Ok(Out::Null),
            Value::Array(items) => {
                let mut terms = Vec::with_capacity(items.len());
                for item in items {
                    terms.extend(
                        self.element(ctx, property, item, graph, depth + 1)?
                            .into_terms(),
                    );
                }
                let is_list = property
                    .and_then(|p| ctx.term(p))
                    .is_some_and(|d| d.container.list);
                if is_list {
                    Ok(Out::List(self.list(terms, graph)))
                } else {
                    Ok(Out::Items(terms))
                }
            }
            Value::Object(map) => self.object(ctx, property, map, graph, depth),
            scalar => {
                let Some(property) = property else {
                    return Ok(Out::Null);
                };
                let mut ctx = Arc::clone(ctx);
                let mut def = ctx.term(property).cloned();
                if let Some(scoped) = def.as_ref().and_then(|d| d.context.as_ref()) {
                    ctx = apply_scoped(&ctx, scoped, Opts::DEFAULT)?;
                    def = ctx.term(property).cloned();
                }
                Ok(Out::Items(vec![self.literal(
                    &ctx,
                    def.as_deref(),
                    scalar,
                )?]))
            }
        }
    }

    /// Value expansion of a scalar (§5.3.2).
    fn literal(&mut self, ctx: &Ctx, def: Option<&TermDef>, value: &'d Value) -> Res<Term> {
        let coercion = def.and_then(|d| d.coercion.as_ref());
        let datatype = match coercion {
            Some(Coercion::Datatype(t)) => Some(t.as_ref()),
            Some(Coercion::Json) => return unsupported("@json on a scalar"),
            _ => None,
        };
        match (coercion, value) {
            (Some(Coercion::Id), Value::String(s)) => {
                Ok(self.identifier(s, expand_iri(ctx, s, false))?.into())
            }
            (Some(Coercion::Vocab), Value::String(s)) => {
                Ok(self.identifier(s, expand_iri(ctx, s, true))?.into())
            }
            (_, Value::String(s)) => Ok(typed(s, datatype.unwrap_or(XSD_STRING))),
            (_, Value::Bool(b)) => Ok(typed(
                if *b { "true" } else { "false" },
                datatype.unwrap_or(XSD_BOOLEAN),
            )),
            (_, Value::Number(n)) => number_literal(n, datatype),
            _ => unsupported("a value that is not a scalar"),
        }
    }

    /// The Expansion Algorithm for a map: node, value, list or set object.
    fn object(
        &mut self,
        incoming: &Arc<Ctx>,
        property: Option<&'d str>,
        map: &'d Map<String, Value>,
        graph: &GraphName,
        depth: usize,
    ) -> Res<Out> {
        let property_def = property.and_then(|p| incoming.term(p)).cloned();

        // A type-scoped context does not reach into a new node object.
        let mut has_value = false;
        let mut has_id = false;
        for key in map.keys() {
            match expand_iri(incoming, key, true) {
                Exp::Keyword(Keyword::Value) => has_value = true,
                Exp::Keyword(Keyword::Id) => has_id = true,
                _ => {}
            }
        }
        let mut ctx = Arc::clone(incoming);
        if let Some(previous) = &incoming.previous
            && !has_value
            && !(map.len() == 1 && has_id)
        {
            ctx = Arc::clone(previous);
        }
        if let Some(scoped) = property_def.as_ref().and_then(|d| d.context.as_ref()) {
            ctx = apply_scoped(&ctx, scoped, Opts::PROPERTY_SCOPED)?;
        }
        if let Some(local) = map.get("@context") {
            ctx = apply_embedded(&ctx, local)?;
        }

        // Type-scoped contexts, by type key then by type, in order.
        let mut type_keys: Vec<&'d str> = map
            .keys()
            .filter(|k| expand_iri(&ctx, k, true) == Exp::Keyword(Keyword::Type))
            .map(String::as_str)
            .collect();
        type_keys.sort_unstable();
        let type_scoped = Arc::clone(&ctx);
        let mut active = Arc::clone(&ctx);
        for key in &type_keys {
            let Some(value) = map.get(*key) else { continue };
            let mut types = strings(value);
            types.sort_unstable();
            for t in types {
                if let Some(scoped) = type_scoped.term(t).and_then(|d| d.context.as_ref()) {
                    active = apply_scoped(&active, scoped, Opts::TYPE_SCOPED)?;
                }
            }
        }

        // Keys, expanded in the final context.
        let mut entries: Vec<(&'d str, Exp<'_>, &'d Value)> = Vec::with_capacity(map.len());
        let mut list = None;
        let mut set = None;
        let mut value = None;
        for (key, v) in map {
            let exp = expand_iri(&active, key, true);
            match &exp {
                Exp::Keyword(Keyword::Value) => value = Some(v),
                Exp::Keyword(Keyword::List) => {
                    if property.is_some() {
                        list = Some(v);
                    } else {
                        return unsupported("a list object at the top");
                    }
                }
                Exp::Keyword(Keyword::Set) => set = Some(v),
                _ => {}
            }
            entries.push((key, exp, v));
        }

        if let Some(items) = list {
            for (_, exp, v) in &entries {
                match exp {
                    Exp::Keyword(Keyword::List) => {}
                    Exp::Keyword(Keyword::Index) if v.is_string() => {}
                    _ => return reject("a list object with other entries"),
                }
            }
            let mut terms = Vec::new();
            for item in as_array(items) {
                terms.extend(
                    self.element(&active, property, item, graph, depth + 1)?
                        .into_terms(),
                );
            }
            return Ok(Out::List(self.list(terms, graph)));
        }
        if let Some(inner) = set {
            if property.is_none() {
                return unsupported("a set object at the top");
            }
            for (_, exp, _) in &entries {
                match exp {
                    Exp::Keyword(Keyword::Set | Keyword::Index) => {}
                    _ => return reject("a set object with other entries"),
                }
            }
            return self.element(&active, property, inner, graph, depth + 1);
        }
        if let Some(inner) = value {
            if property.is_none() {
                return unsupported("a value object at the top");
            }
            let input_type = type_keys
                .first()
                .and_then(|k| map.get(*k))
                .and_then(|v| as_array(v).last())
                .and_then(Value::as_str)
                .map(|t| expand_iri(&active, t, true));
            return self.value_object(&type_scoped, &entries, inner, input_type);
        }
        self.node(
            &active,
            &type_scoped,
            &entries,
            graph,
            property.is_none(),
            depth,
        )
    }

    /// A value object (§5.1.2 step 15 and §5.3 of the crate).
    fn value_object(
        &mut self,
        type_scoped: &Ctx,
        entries: &[(&'d str, Exp<'_>, &'d Value)],
        inner: &'d Value,
        input_type: Option<Exp<'_>>,
    ) -> Res<Out> {
        let mut is_json = input_type == Some(Exp::Keyword(Keyword::Json));
        let mut datatype: Option<String> = None;
        let mut language: Option<&str> = None;
        for (_, exp, v) in entries {
            match exp {
                Exp::Keyword(Keyword::Value) => {}
                Exp::Keyword(Keyword::Language) => match v.as_str() {
                    Some("@none") => {}
                    Some(tag) => language = Some(tag),
                    None => return reject("@language is not a string"),
                },
                Exp::Keyword(Keyword::Index) => {
                    if !v.is_string() {
                        return reject("@index is not a string");
                    }
                }
                Exp::Keyword(Keyword::Type) => {
                    let Some(t) = v.as_str() else {
                        return reject("@type of a value is not a string");
                    };
                    match expand_iri(type_scoped, t, true) {
                        Exp::Keyword(Keyword::Json) => is_json = true,
                        Exp::Iri(iri) => {
                            is_json = false;
                            datatype = Some(iri.into_owned());
                        }
                        _ => return reject("@type of a value is not an IRI"),
                    }
                }
                Exp::Keyword(Keyword::Direction) => return unsupported("@direction"),
                _ => return reject("a value object with other entries"),
            }
        }
        if is_json {
            if language.is_some() {
                return reject("a JSON literal with a language");
            }
            return Ok(Out::Items(vec![json_literal(inner)]));
        }
        let literal = match inner {
            Value::Null => return Ok(Out::Null),
            Value::Array(_) | Value::Object(_) => return reject("@value is not a scalar"),
            scalar => scalar,
        };
        if let Some(tag) = language {
            if datatype.is_some() {
                return reject("a value with both @type and @language");
            }
            let Value::String(s) = literal else {
                return reject("a language-tagged value that is not a string");
            };
            if !simple_language_tag(tag) {
                return unsupported("a language tag");
            }
            return Ok(Out::Items(vec![
                Literal::new_language_tagged_literal_unchecked(
                    s.as_str(),
                    tag.to_ascii_lowercase(),
                )
                .into(),
            ]));
        }
        let datatype = datatype.as_deref();
        let term = match literal {
            Value::String(s) => typed(s, datatype.unwrap_or(XSD_STRING)),
            Value::Bool(b) => typed(
                if *b { "true" } else { "false" },
                datatype.unwrap_or(XSD_BOOLEAN),
            ),
            Value::Number(n) => number_literal(n, datatype)?,
            _ => return reject("@value is not a scalar"),
        };
        Ok(Out::Items(vec![term]))
    }

    /// A node object: its quads in `graph`; the node.
    fn node(
        &mut self,
        active: &Arc<Ctx>,
        type_scoped: &Ctx,
        entries: &[(&'d str, Exp<'_>, &'d Value)],
        graph: &GraphName,
        top: bool,
        depth: usize,
    ) -> Res<Out> {
        let mut seen: Vec<Keyword> = Vec::new();
        let mut subject = None;
        for (_, exp, v) in entries {
            if let Exp::Keyword(k) = exp {
                if *k != Keyword::Type && *k != Keyword::Context && seen.contains(k) {
                    return reject("colliding keywords");
                }
                seen.push(*k);
                if *k == Keyword::Id {
                    let Some(id) = v.as_str() else {
                        return reject("@id is not a string");
                    };
                    let exp = expand_iri(active, id, false);
                    if exp == Exp::Invalid && top {
                        // The crate drops a top node with nothing but an
                        // `@id`, and errs on others: let it decide.
                        return unsupported("a relative @id at the top");
                    }
                    subject = Some(self.identifier(id, exp)?);
                }
            }
        }
        let subject: Subject = match subject {
            Some(s) => s,
            None => self.fresh().into(),
        };

        for (key, exp, v) in entries {
            match exp {
                Exp::Null | Exp::Keyword(Keyword::Context | Keyword::Id) => {}
                Exp::Keyword(Keyword::Type) => {
                    for t in as_array(v) {
                        let Some(t) = t.as_str() else {
                            return reject("@type is not a string");
                        };
                        match expand_iri(type_scoped, t, true) {
                            Exp::Iri(iri) => {
                                let iri = named(iri.into_owned());
                                self.emit(subject.clone(), named(RDF_TYPE), iri.into(), graph);
                            }
                            Exp::Blank(_) => return unsupported("a blank node as a type"),
                            _ => return reject("an undefined type"),
                        }
                    }
                }
                Exp::Keyword(_) => return unsupported("a keyword in a node object"),
                Exp::Blank(_) => return reject("a blank node as a property"),
                Exp::Invalid => return reject("an undefined property"),
                Exp::Iri(iri) => {
                    let predicate = named(iri.as_ref());
                    let def = active.term(key).cloned();
                    let objects = self.property(active, key, def.as_deref(), v, graph, depth)?;
                    for object in objects {
                        self.emit(subject.clone(), predicate.clone(), object, graph);
                    }
                }
            }
        }
        Ok(Out::Items(vec![subject.into()]))
    }

    /// The objects of one property of a node.
    fn property(
        &mut self,
        active: &Arc<Ctx>,
        key: &'d str,
        def: Option<&TermDef>,
        value: &'d Value,
        graph: &GraphName,
        depth: usize,
    ) -> Res<Vec<Term>> {
        let container = def.map(|d| d.container).unwrap_or_default();
        if def.and_then(|d| d.coercion.as_ref()) == Some(&Coercion::Json) {
            if container.list || container.graph {
                return unsupported("@json in a list or graph container");
            }
            return Ok(vec![json_literal(value)]);
        }
        if container.graph {
            // Every item is a graph of its own, named by a blank node.
            let mut objects = Vec::new();
            for item in as_array(value) {
                if item.is_array() {
                    return unsupported("an array in a graph container");
                }
                let name = self.fresh();
                let inner = GraphName::BlankNode(name.clone());
                match self.element(active, Some(key), item, &inner, depth + 1)? {
                    Out::Null => {}
                    Out::Items(items) if items.len() == 1 => objects.push(name.into()),
                    Out::Items(items) if items.is_empty() => {}
                    _ => return unsupported("a list or a set in a graph container"),
                }
            }
            return Ok(objects);
        }
        let out = self.element(active, Some(key), value, graph, depth + 1)?;
        if container.list && !matches!(out, Out::List(_)) {
            let items = out.into_terms();
            return Ok(vec![self.list(items, graph)]);
        }
        Ok(out.into_terms())
    }
}

/// The RDF dataset of `document` by the fast path, or why it cannot say.
pub(crate) fn to_dataset(document: &Value) -> Result<Vec<Quad>, Fallback> {
    if !document.is_object() {
        return unsupported("a document that is not an object");
    }
    let mut expander = Expander {
        quads: Vec::new(),
        next_blank: 0,
        labels: HashMap::new(),
    };
    expander.element(root(), None, document, &GraphName::DefaultGraph, 0)?;
    if expander.quads.len() >= super::MAX_QUADS {
        return reject("too many quads");
    }
    Ok(expander.quads)
}
