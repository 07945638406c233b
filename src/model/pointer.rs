//! JSON pointers (RFC 6901) into a document. A finding's pointer is derived from the span it
//! reports ([`pointer_at`]), so rules never spell a key.

use std::fmt;

use crate::load::{Kind, Node};
use crate::span::Span;

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pointer(String);

impl Pointer {
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    pub fn field(&self, name: &str) -> Pointer {
        let mut s = String::with_capacity(self.0.len() + name.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        for c in name.chars() {
            match c {
                '~' => s.push_str("~0"),
                '/' => s.push_str("~1"),
                c => s.push(c),
            }
        }
        Pointer(s)
    }

    pub fn index(&self, i: usize) -> Pointer {
        Pointer(format!("{}/{}", self.0, i))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// This pointer followed by `rest` (a pointer relative to the node this one names).
    pub fn join(&self, rest: &Pointer) -> Pointer {
        Pointer(format!("{}{}", self.0, rest.0))
    }
}

impl AsRef<str> for Pointer {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The pointer of `target` in `doc`, found by identity (the very node, not one with the same
/// span): `None` when it is not in `doc`.
pub fn path_to(doc: &Node<'_>, target: &Node<'_>) -> Option<Pointer> {
    // Descendants usually lie within their ancestors' spans, which narrows the search; a node
    // copied by a YAML alias or merge key keeps its anchor's span, so look everywhere if the
    // narrow search misses.
    search(doc, target, true).or_else(|| search(doc, target, false))
}

fn search(node: &Node<'_>, target: &Node<'_>, narrow: bool) -> Option<Pointer> {
    if std::ptr::eq(node, target) {
        return Some(Pointer::root());
    }
    let worth = |n: &Node<'_>| !narrow || n.span.holds(target.span);
    match &node.kind {
        Kind::Object(members) => members.iter().find_map(|m| {
            worth(&m.value)
                .then(|| search(&m.value, target, narrow))
                .flatten()
                .map(|rest| Pointer::root().field(&m.key).join(&rest))
        }),
        Kind::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            worth(item)
                .then(|| search(item, target, narrow))
                .flatten()
                .map(|rest| Pointer::root().index(i).join(&rest))
        }),
        _ => None,
    }
}

/// The pointer, inside `node`, of the value or key whose span is exactly `span`, searched
/// everywhere below `node` (a YAML alias keeps its anchor's spans below a node whose own span
/// is the alias, so "holds" cannot guide the search); then as [`pointer_at`].
pub fn pointer_within(node: &Node<'_>, span: Span) -> Pointer {
    exact(node, span).unwrap_or_else(|| pointer_at(node, span))
}

fn exact(node: &Node<'_>, span: Span) -> Option<Pointer> {
    match &node.kind {
        Kind::Object(members) => members.iter().rev().find_map(|m| {
            if m.key_span == span || m.value.span == span {
                Some(Pointer::root().field(&m.key))
            } else {
                exact(&m.value, span).map(|rest| Pointer::root().field(&m.key).join(&rest))
            }
        }),
        Kind::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            if item.span == span {
                Some(Pointer::root().index(i))
            } else {
                exact(item, span).map(|rest| Pointer::root().index(i).join(&rest))
            }
        }),
        _ => None,
    }
}

/// The pointer of the deepest node of `doc` at `span`: a member whose key is `span` (a finding
/// on a key), or whose value holds `span`, or an array item that holds it. A span no child
/// holds (the first character of an object, an anchor for a field the object lacks) points
/// at the node around it.
pub fn pointer_at(doc: &Node<'_>, span: Span) -> Pointer {
    let mut pointer = Pointer::root();
    let mut node = doc;
    'descend: loop {
        match &node.kind {
            Kind::Object(members) => {
                // The last of a repeated key is the one the model reads.
                for m in members.iter().rev() {
                    if m.key_span == span {
                        return pointer.field(&m.key);
                    }
                    if m.value.span.holds(span) {
                        pointer = pointer.field(&m.key);
                        node = &m.value;
                        continue 'descend;
                    }
                }
                return pointer;
            }
            Kind::Array(items) => match items.iter().position(|i| i.span.holds(span)) {
                Some(i) => {
                    pointer = pointer.index(i);
                    node = &items[i];
                }
                None => return pointer,
            },
            _ => return pointer,
        }
    }
}

/// A path that names array elements by what they are instead of where they are:
/// `/containerDefinitions/2/portMappings/0/hostPort` becomes
/// `/containerDefinitions/[name=web]/portMappings/[containerPort=8080]/hostPort`. Baselines and
/// SARIF fingerprints use it, so they survive another container or mapping added beside.
pub fn stable_path(doc: &Node<'_>, pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + 16);
    let mut node = Some(doc);
    for raw in pointer.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let next = node.and_then(|n| match &n.kind {
            Kind::Object(_) => n.get(&segment),
            Kind::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        });
        out.push('/');
        match (node.map(|n| &n.kind), next) {
            (Some(Kind::Array(_)), Some(element)) => match identity(element) {
                Some(id) => out.push_str(&id),
                None => out.push_str(raw),
            },
            _ => out.push_str(raw),
        }
        node = next;
    }
    out
}

/// `[name=web]` for an element that has a name-like key with a scalar value.
fn identity(element: &Node<'_>) -> Option<String> {
    [
        "name",
        "containerName",
        "containerPort",
        "containerPortRange",
        "serviceName",
        "family",
        "sourceVolume",
    ]
    .iter()
    .find_map(|key| {
        let v = element.get(key)?;
        let text = match &v.kind {
            Kind::String(s) => s.to_string(),
            Kind::Number(n) => n.to_string(),
            _ => return None,
        };
        Some(format!(
            "[{key}={}]",
            text.replace('~', "~0").replace('/', "~1")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_paths_name_elements() {
        let text = r#"{"containerDefinitions": [{"name": "sidecar"}, {"name": "web", "portMappings": [{"containerPort": 8080, "hostPort": 1}]}]}"#;
        let doc = crate::load::parse(text, crate::load::Syntax::Json)
            .expect("parses")
            .remove(0);
        assert_eq!(
            stable_path(&doc, "/containerDefinitions/1/portMappings/0/hostPort"),
            "/containerDefinitions/[name=web]/portMappings/[containerPort=8080]/hostPort"
        );
        assert_eq!(stable_path(&doc, ""), "");
        assert_eq!(stable_path(&doc, "/missing/3"), "/missing/3");
    }

    #[test]
    fn pointers_from_spans() {
        let text = r#"{"containerDefinitions": [{"name": "web", "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}"#;
        let doc = crate::load::parse(text, crate::load::Syntax::Json)
            .expect("parses")
            .remove(0);
        let at = |needle: &str| {
            let start = text.find(needle).expect("in text");
            pointer_at(&doc, Span::new(start, start + needle.len())).to_string()
        };
        assert_eq!(
            at("8080"),
            "/containerDefinitions/0/portMappings/0/hostPort"
        );
        assert_eq!(
            at("\"hostPort\""),
            "/containerDefinitions/0/portMappings/0/hostPort"
        );
        assert_eq!(at("{"), "");
        let first = |needle: &str| {
            let start = text.find(needle).expect("in text");
            pointer_at(&doc, Span::new(start, start + 1)).to_string()
        };
        assert_eq!(
            first("{\"containerPort\""),
            "/containerDefinitions/0/portMappings/0"
        );
        assert_eq!(first("{\"name\""), "/containerDefinitions/0");
        // YAML: a mapping's first character is its first key's.
        let yaml = "containerDefinitions:\n  - image: nginx\n    name: web\n";
        let doc = crate::load::parse(yaml, crate::load::Syntax::Yaml)
            .expect("parses")
            .remove(0);
        let image = yaml.find("image").expect("in text");
        assert_eq!(
            pointer_at(&doc, Span::new(image, image + 1)).to_string(),
            "/containerDefinitions/0"
        );
        let web = yaml.find("web").expect("in text");
        assert_eq!(
            pointer_at(&doc, Span::new(web, web + 3)).to_string(),
            "/containerDefinitions/0/name"
        );
    }

    #[test]
    fn escapes_per_rfc6901() {
        let p = Pointer::root().field("a/b").index(2).field("m~n");
        assert_eq!(p.as_str(), "/a~1b/2/m~0n");
    }
}
