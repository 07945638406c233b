//! The spanned tree as a JSON representation the `jsonschema` crate validates directly
//! (`jsonschema_value::Json`), so a document is not materialised a second time as a
//! `serde_json::Value` to be validated.
//!
//! What the validator sees: objects without the placeholders that stand for members (an open
//! object's absent fields are unknown, and the errors about them are dropped afterwards, see
//! [`super::validate`]), the last of a repeated key (as the AWS CLI's JSON reader keeps), numbers
//! read from their source text, and a placeholder standing for a value as a string (an error
//! about it is dropped afterwards too).

use std::borrow::Cow;

use jsonschema::json::{Array, Json, JsonNumber, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde_json::Value;

use crate::load::{Kind, Member, Node};
use crate::span::Span;

/// The tree as a `jsonschema` representation.
pub struct Tree;

/// A node of the tree, for the validator.
#[derive(Clone, Copy)]
pub struct TreeNode<'a>(pub &'a Node<'a>);

/// An object's members.
#[derive(Clone, Copy)]
pub struct TreeObject<'a>(&'a [Member<'a>]);

/// An array's items.
#[derive(Clone, Copy)]
pub struct TreeArray<'a>(&'a [Node<'a>]);

/// A number literal's text.
#[derive(Clone, Copy)]
pub struct TreeNumber<'a>(&'a str);

impl Json for Tree {
    type Node<'a> = TreeNode<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    const KEYS_PER_LOOKUP: usize = 1;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(TreeNode<'_>) -> T) -> T {
        let node = Node {
            span: Span::default(),
            kind: Kind::String(Cow::Borrowed(string)),
        };
        f(TreeNode(&node))
    }
}

impl<'a> jsonschema::json::Node<'a, Tree> for TreeNode<'a> {
    type Object = TreeObject<'a>;
    type Array = TreeArray<'a>;
    type Number = TreeNumber<'a>;

    fn as_object(&self) -> Option<TreeObject<'a>> {
        self.0.as_object().map(TreeObject)
    }

    fn as_array(&self) -> Option<TreeArray<'a>> {
        self.0.as_array().map(TreeArray)
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.0.kind {
            Kind::String(s) | Kind::Placeholder(s) => Some(Cow::Borrowed(s.as_ref())),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<TreeNumber<'a>> {
        match &self.0.kind {
            Kind::Number(n) => Some(TreeNumber(n.as_ref())),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.0.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.0.kind, Kind::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.0.kind {
            Kind::Null => JsonType::Null,
            Kind::Bool(_) => JsonType::Boolean,
            Kind::Number(_) => JsonType::Number,
            Kind::String(_) | Kind::Placeholder(_) => JsonType::String,
            Kind::Array(_) => JsonType::Array,
            Kind::Object(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `enum` and `const` of the schemas are strings: compared without building a value.
        match (&self.0.kind, expected) {
            (Kind::String(s) | Kind::Placeholder(s), Value::String(e)) => s.as_ref() == e,
            (Kind::String(_) | Kind::Placeholder(_), _) => false,
            (Kind::Bool(b), Value::Bool(e)) => b == e,
            (Kind::Null, Value::Null) => true,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(to_value(self.0, 0))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref(self.0) as usize))
    }
}

/// The node as a `serde_json::Value`, for the validator's error values (a cold path). Depth is
/// bounded as the loaders bound it.
fn to_value(node: &Node<'_>, depth: usize) -> Value {
    if depth > crate::load::MAX_DEPTH {
        return Value::Null;
    }
    match &node.kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Number(n) => serde_json::from_str::<serde_json::Number>(n)
            .map(Value::Number)
            .unwrap_or_else(|_| Value::String(n.to_string())),
        Kind::String(s) | Kind::Placeholder(s) => Value::String(s.to_string()),
        Kind::Array(items) => Value::Array(items.iter().map(|i| to_value(i, depth + 1)).collect()),
        Kind::Object(members) => Value::Object(
            members
                .iter()
                .filter(|m| !m.is_open())
                .map(|m| (m.key.to_string(), to_value(&m.value, depth + 1)))
                .collect(),
        ),
    }
}

/// The members the validator sees: every real key (not a placeholder standing for members).
pub struct Members<'a>(std::slice::Iter<'a, Member<'a>>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, TreeNode<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .by_ref()
            .find(|m| !m.is_open())
            .map(|m| (m.key.as_ref(), TreeNode(&m.value)))
    }
}

impl<'a> Object<'a, Tree> for TreeObject<'a> {
    type Node = TreeNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.0.iter().filter(|m| !m.is_open()).count()
    }

    fn get(&self, key: &String) -> Option<TreeNode<'a>> {
        self.0
            .iter()
            .rev()
            .find(|m| !m.is_open() && m.key == key.as_str())
            .map(|m| TreeNode(&m.value))
    }

    fn members(&self) -> Members<'a> {
        Members(self.0.iter())
    }
}

/// An array's items as nodes.
pub struct Items<'a>(std::slice::Iter<'a, Node<'a>>);

impl<'a> Iterator for Items<'a> {
    type Item = TreeNode<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(TreeNode)
    }
}

impl<'a> Array<'a, Tree> for TreeArray<'a> {
    type Node = TreeNode<'a>;
    type ElementsIter = Items<'a>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> Items<'a> {
        Items(self.0.iter())
    }
}

impl JsonNumber for TreeNumber<'_> {
    fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.0)
    }

    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        Cow::Owned(
            serde_json::from_str(self.0)
                .ok()
                .or_else(|| self.as_f64().and_then(serde_json::Number::from_f64))
                .unwrap_or_else(|| serde_json::Number::from(0)),
        )
    }

    fn is_integer(&self) -> bool {
        self.as_i64().is_some()
            || self.as_u64().is_some()
            || self
                .as_f64()
                .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
    }
}
