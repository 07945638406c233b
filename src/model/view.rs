//! A view of any object of a resource (a task definition, a container, a health check, a
//! volume…): its fields read through the field table, every value three-way. The model's
//! structs hold what many rules or the linker read; a rule that needs any other field reads it
//! here, so a new rule needs no new struct field, still never writes a key name, and still
//! cannot mistake unknown for absent.

use super::fields::{Dialect, Field};
use super::value::{boolean, int, text, List, Val};
use crate::load::tree::complete_list;
use crate::load::{Kind, Member, Node};
use crate::span::Span;

/// An object of a resource, in the resource's spelling.
#[derive(Clone, Copy, Debug)]
pub struct View<'t> {
    pub node: &'t Node<'t>,
    pub dialect: Dialect,
}

impl<'t> View<'t> {
    pub fn new(node: &'t Node<'t>, dialect: Dialect) -> View<'t> {
        View { node, dialect }
    }

    /// The member holding `field`: in an open object (a placeholder stands for some members)
    /// the placeholder when the field is not shown; never one whose value is `AWS::NoValue`.
    pub fn member(&self, field: &Field) -> Option<&'t Member<'t>> {
        self.node.field(field.key(self.dialect)?)
    }

    /// The value of `field` (see [`View::member`]).
    pub fn get(&self, field: &Field) -> Option<&'t Node<'t>> {
        self.member(field).map(|m| &m.value)
    }

    /// Where the file writes `field`'s key, when it does (not a placeholder standing for it).
    pub fn key_span(&self, field: &Field) -> Option<Span> {
        self.member(field)
            .filter(|m| !m.is_open())
            .map(|m| m.key_span)
    }

    /// `field` as a string.
    pub fn text(&self, field: &Field) -> Val<'t, &'t str> {
        text(self.get(field))
    }

    /// `field` as an integer (a numeric string counts).
    pub fn int(&self, field: &Field) -> Val<'t, i64> {
        int(self.get(field))
    }

    /// `field` as a boolean (`"true"`/`"false"` count).
    pub fn boolean(&self, field: &Field) -> Val<'t, bool> {
        boolean(self.get(field))
    }

    /// `field` as an object: known when the file states an object (not an expression),
    /// absent when missing or `null`, unknown otherwise.
    pub fn object(&self, field: &Field) -> Val<'t, View<'t>> {
        match self.get(field) {
            None => Val::Absent,
            Some(n) if n.is_null() => Val::Absent,
            Some(n) if n.is_item_object() => Val::Known(View::new(n, self.dialect), n.span),
            Some(n) => Val::Unknown(n.span),
        }
    }

    /// `field` as a list of objects: the objects the file states, complete when nothing in or
    /// in place of the list is unknown (an `Fn::If` item, a placeholder).
    pub fn objects(&self, field: &Field) -> List<View<'t>> {
        let node = self.get(field);
        let items = node
            .and_then(Node::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter(|n| n.is_item_object())
                    .map(|n| View::new(n, self.dialect))
                    .collect()
            })
            .unwrap_or_default();
        List::new(items, complete_list(node))
    }

    /// `field` as a list of strings: each item three-way, complete when the field is absent or
    /// a list whose items are all there for certain (an item that is an expression may still be
    /// unknown in value; one that may vanish, an `Fn::If`, makes the list incomplete).
    pub fn strings(&self, field: &Field) -> List<Val<'t, &'t str>> {
        let node = self.get(field);
        match node {
            None => List::absent(),
            Some(n) if n.is_null() || n.is_no_value() => List::absent(),
            Some(n) => match n.as_array() {
                Some(items) => {
                    let complete = items.iter().all(|i| !may_vanish_or_spread(i));
                    let values = items
                        .iter()
                        .filter(|i| !i.is_no_value())
                        .map(|i| text(Some(i)))
                        .collect();
                    List::new(values, complete)
                }
                None => List::new(Vec::new(), false),
            },
        }
    }

    /// Where `field` asks for something: it is set to a value other than `false`, `null`,
    /// `""`, `[]` or `{}` (the key's span, or the value's for a placeholder key). An unknown
    /// value (a placeholder, an expression) is not judged: `None`.
    pub fn states(&self, field: &Field) -> Option<Span> {
        let node = self.get(field)?;
        if node.is_intrinsic() || node.is_placeholder() {
            return None;
        }
        (!asks_nothing(node, 0)).then_some(self.key_span(field).unwrap_or(node.span))
    }

    /// A finding's location at the start of this object (for a field it lacks).
    pub fn span(&self) -> Span {
        self.node.span
    }
}

/// Whether a value asks for nothing: `null`, `false`, `""`, `[]`, or an object whose every
/// member asks for nothing (`{"capabilities": {}, "devices": []}`, as describe output writes
/// an unused `linuxParameters`). Deep structures are judged to a bounded depth.
fn asks_nothing(node: &Node<'_>, depth: usize) -> bool {
    match &node.kind {
        Kind::Null => true,
        Kind::Bool(b) => !b,
        Kind::String(s) => s.is_empty(),
        Kind::Array(items) => items.is_empty(),
        Kind::Object(members) if depth < 4 && !node.is_intrinsic() => members
            .iter()
            .all(|m| !m.is_open() && asks_nothing(&m.value, depth + 1)),
        _ => false,
    }
}

/// An item that may stand for no item (`Fn::If`) or for several (a template's unquoted
/// placeholder, a `{{ range }}` block): a list holding one is not known whole. A reference or
/// a `"${X}"` string is one item whose value is unknown.
fn may_vanish_or_spread(item: &Node<'_>) -> bool {
    matches!(item.kind, Kind::Placeholder(_))
        || matches!(item.as_object(), Some([only]) if only.key == "Fn::If")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::container;

    fn with<R>(json: &str, f: impl FnOnce(View<'_>) -> R) -> R {
        let docs = crate::load::parse(json, crate::load::Syntax::Json).expect("parses");
        f(View::new(&docs[0], Dialect::Api))
    }

    #[test]
    fn strings_are_three_way() {
        with(r#"{"links": ["db", "${X}"]}"#, |v| {
            let links = v.strings(&container::LINKS);
            assert!(links.is_complete());
            let known: Vec<_> = links.iter().filter_map(|l| l.known()).collect();
            assert_eq!(known, ["db"]);
        });
        with(r#"{"links": "${LINKS}"}"#, |v| {
            assert!(!v.strings(&container::LINKS).is_complete());
        });
        with(r#"{"name": "x"}"#, |v| {
            assert_eq!(
                v.strings(&container::LINKS).complete().map(<[_]>::len),
                Some(0)
            );
        });
    }

    #[test]
    fn objects_skip_expressions_and_say_so() {
        with(
            r#"{"dependsOn": [{"containerName": "db"}, {"Fn::If": ["C", {}, {}]}]}"#,
            |v| {
                let deps = v.objects(&container::DEPENDS_ON);
                assert_eq!(deps.iter().count(), 1);
                assert!(!deps.is_complete());
            },
        );
    }
}
