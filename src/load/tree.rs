//! The spanned document tree that both the JSON and the YAML loader produce.
//!
//! Strings borrow from the source text where they can (no escapes), so building the tree costs
//! about what a plain parse costs. Every node knows its byte span; object members also know the
//! span of their key, so a finding can point at a key or at a value.

use std::borrow::Cow;

use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub span: Span,
    pub kind: Kind<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// A number literal, kept as its source text: the checks decide how to read it, so a
    /// 5,000-digit number is data, not an overflow.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
    /// An expression the file does not resolve: a template placeholder standing where a value
    /// belongs (`"cpu": ${CPU}`, kept as its source text). An unknown value of any type: a
    /// check never concludes anything from it, and a list holding one is not known whole.
    Placeholder(Cow<'a, str>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Member<'a> {
    /// A placeholder standing for members (`{ "a": 1, $$$$MORE$$$$ }`, an HCL key computed by
    /// an expression, a `dynamic` block): its key and value are the placeholder's text.
    pub fn open(source: Cow<'a, str>, span: Span) -> Member<'a> {
        Member {
            key: source.clone(),
            key_span: span,
            value: Node {
                span,
                kind: Kind::Placeholder(source),
            },
        }
    }

    /// Whether this member is a placeholder standing for members ([`Member::open`]).
    pub fn is_open(&self) -> bool {
        matches!(self.value.kind, Kind::Placeholder(_)) && self.key_span == self.value.span
    }
}

impl<'a> Node<'a> {
    /// The node with every string it borrows copied: it outlives the text it was read from.
    pub fn into_owned(self) -> Node<'static> {
        let own = |c: Cow<'a, str>| Cow::Owned(c.into_owned());
        let kind = match self.kind {
            Kind::Null => Kind::Null,
            Kind::Bool(b) => Kind::Bool(b),
            Kind::Number(n) => Kind::Number(own(n)),
            Kind::String(s) => Kind::String(own(s)),
            Kind::Placeholder(p) => Kind::Placeholder(own(p)),
            Kind::Array(items) => Kind::Array(items.into_iter().map(Node::into_owned).collect()),
            Kind::Object(members) => Kind::Object(
                members
                    .into_iter()
                    .map(|m| Member {
                        key: own(m.key),
                        key_span: m.key_span,
                        value: m.value.into_owned(),
                    })
                    .collect(),
            ),
        };
        Node {
            span: self.span,
            kind,
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.kind {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An expression the file does not resolve, in CloudFormation's long form: an object
    /// whose only key is `Ref`, `Condition` or `Fn::…` (the YAML loader turns `!Ref X` and the
    /// other short forms into these). Never a real item of a list, never a real object.
    pub fn is_intrinsic(&self) -> bool {
        match self.as_object() {
            Some([only]) => {
                only.key == "Ref" || only.key == "Condition" || only.key.starts_with("Fn::")
            }
            _ => false,
        }
    }

    /// An object a list can hold as an item: a real object, not an intrinsic.
    pub fn is_item_object(&self) -> bool {
        self.as_object().is_some() && !self.is_intrinsic()
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The member called `key`, if this is an object that has one. When a key repeats, the last
    /// one wins, as in the AWS CLI's JSON reader.
    pub fn member(&self, key: &str) -> Option<&Member<'a>> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }

    /// The member called `key`, or, in an open object (a placeholder stands for some of its
    /// members), the placeholder: a field it does not show is unknown, not absent. What the
    /// model reads values through; recognising a document asks [`Node::has`] instead.
    /// A member whose value is `{"Ref": "AWS::NoValue"}` is absent: CloudFormation removes it.
    #[inline]
    pub fn field(&self, key: &str) -> Option<&Member<'a>> {
        // One pass from the end (the last of a repeated key wins), noting the first
        // placeholder member on the way: most fields a rule asks for are absent.
        let mut open = None;
        for m in self.as_object()?.iter().rev() {
            if m.key.len() == key.len() && m.key.as_bytes() == key.as_bytes() {
                return (!m.value.is_no_value()).then_some(m);
            }
            if m.is_open() {
                open = Some(m);
            }
        }
        open
    }

    /// `{"Ref": "AWS::NoValue"}` (`!Ref AWS::NoValue`): CloudFormation removes the property
    /// (or list item) that holds it.
    #[inline]
    pub fn is_no_value(&self) -> bool {
        matches!(self.as_object(), Some([only])
            if only.key == "Ref" && only.value.as_str() == Some("AWS::NoValue"))
    }

    /// The placeholder standing for members of this object, if it is open.
    pub fn open_member(&self) -> Option<&Member<'a>> {
        self.as_object()?.iter().find(|m| m.is_open())
    }

    /// The value of member `key` of an object, taking the object apart.
    pub fn into_member(self, key: &str) -> Option<Node<'a>> {
        match self.kind {
            Kind::Object(members) => members.into_iter().find(|m| m.key == key).map(|m| m.value),
            _ => None,
        }
    }

    /// The value of field `key` (see [`Node::field`]).
    #[inline]
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.field(key).map(|m| &m.value)
    }

    pub fn has(&self, key: &str) -> bool {
        self.member(key).is_some()
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// A placeholder, as an unquoted token or a whole string value (`"${IMAGE}"`): a value the
    /// file does not state.
    pub fn is_placeholder(&self) -> bool {
        match &self.kind {
            Kind::Placeholder(_) => true,
            Kind::String(s) => crate::model::value::is_placeholder(s),
            _ => false,
        }
    }
}

/// The object items of a list with their index; other items (placeholders standing for more
/// items) are skipped.
pub fn objects<'n, 'a>(items: &'n [Node<'a>]) -> impl Iterator<Item = (usize, &'n Node<'a>)> {
    items.iter().enumerate().filter(|(_, n)| n.is_item_object())
}

/// Whether a list field holds every item there is: absent, `null`, or an array of objects
/// only. A placeholder or an intrinsic (`{"Fn::If": …}`) in place of the list, or of one of
/// its items, means some are unknown; `AWS::NoValue` (the list or an item removed) does not.
pub fn complete_list(node: Option<&Node<'_>>) -> bool {
    match node {
        None => true,
        Some(n) if n.is_null() || n.is_no_value() => true,
        Some(n) => n
            .as_array()
            .is_some_and(|items| items.iter().all(|i| i.is_item_object() || i.is_no_value())),
    }
}

/// Panics unless `span` lies inside `text` on character boundaries (fuzzing and tests).
pub fn assert_span_within(span: Span, text: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {span:?} not on character boundaries"
    );
}

/// Panics unless every span of the tree lies inside `text` on character boundaries.
pub fn assert_spans_within(node: &Node<'_>, text: &str) {
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        assert_span_within(n.span, text);
        match &n.kind {
            Kind::Array(items) => todo.extend(items.iter()),
            Kind::Object(members) => {
                for m in members {
                    assert_span_within(m.key_span, text);
                    todo.push(&m.value);
                }
            }
            _ => {}
        }
    }
}
